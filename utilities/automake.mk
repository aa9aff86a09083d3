bin_PROGRAMS += utilities/ovs-podctl
utilities_ovs_podctl_SOURCES = utilities/ovs-podctl.c
utilities_ovs_podctl_LDADD = $(OVSPOD_LDADD)

dist_man_MANS += utilities/ovs-podctl.8
