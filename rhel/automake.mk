EXTRA_DIST += rhel/ovs-pod.spec.in
