# Sourced by tests/bad-input.at: runs a table of bad inputs.
#
# check_rows FILE: each row of FILE is
#
#     STATUS CODE | COMMAND | TEXT
#
# COMMAND runs in a subshell, with no stdin.  The row passes when the exit
# status is STATUS; when CODE is not "-", the CNI error on stdout has that
# code and its "msg" contains TEXT; when CODE is "-", stderr is exactly one
# line that contains TEXT; and the node (see row_state) is as it was.
# Blank lines and lines starting with "#" are skipped.  Prints each failed
# row, then the number of rows.

# row_state: what any command could have changed on the node.
row_state () {
    node_state
    ovs-vsctl get Open_vSwitch . other_config
    ovs-vsctl --columns=name,external_ids,other_config list Bridge
    ovs-vsctl --columns=name,type,options,mtu_request list Interface \
        | sed '/^$/d' | sort
    find devinfo state 2>/dev/null | sort
}

# cfg_run COMMAND EXTRA-JSON: a CNI COMMAND for pod ns/r with net.json's
# configuration plus EXTRA-JSON.
cfg_run () {
    cni_config 1.1.0 "$2"
    mv net.json row.json
    cni "$1" r net1 row.json
}

# raw_run COMMAND TEXT: a CNI COMMAND for pod ns/r with TEXT as the
# configuration.
raw_run () {
    printf '%s' "$2" > row.json
    cni "$1" r net1 row.json
}

# cni_msg: the "msg" of the CNI error on stdin.
cni_msg () {
    $PYTHON3 -c 'import json, sys
try:
    print(json.load(sys.stdin).get("msg", ""))
except ValueError:
    print("(no JSON error)")'
}

check_rows () {
    local n=0 expect cmd text status code got problem msg lines
    row_state > rows-before
    while IFS='|' read -r expect cmd text; do
        case $expect in
            ''|'#'*) continue ;;
        esac
        n=$((n + 1))
        status=${expect%% *}
        code=${expect#* }
        code=${code%% *}
        cmd=${cmd# }; cmd=${cmd% }
        text=${text# }; text=${text% }
        (eval "$cmd") > row.out 2> row.err < /dev/null
        got=$?
        problem=
        test "$got" = "$status" || problem="exit status $got, not $status"
        if test "$code" != -; then
            msg=$(cni_msg < row.out)
            got=$($PYTHON3 -c 'import json, sys
try:
    print(json.load(sys.stdin).get("code", ""))
except ValueError:
    print("")' < row.out)
            test "$got" = "$code" || problem="$problem; code \"$got\", not $code"
        else
            msg=$(cat row.err)
            lines=$(wc -l < row.err)
            test "$lines" = 1 || problem="$problem; $lines lines on stderr"
        fi
        case $msg in
            *"$text"*) ;;
            *) problem="$problem; the message lacks \"$text\"" ;;
        esac
        row_state > rows-after
        if ! cmp -s rows-before rows-after; then
            problem="$problem; the node changed: $(diff rows-before rows-after | sed -n '2p')"
            cp rows-after rows-before
        fi
        if test -n "$problem"; then
            echo "row $n: $cmd: ${problem#; } [$msg]"
        fi
    done < "$1"
    echo "$n rows"
}
