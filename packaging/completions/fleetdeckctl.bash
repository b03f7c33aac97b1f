# bash completion for fleetdeckctl(1)                              -*- shell-script -*-
# Installed as /usr/share/bash-completion/completions/fleetdeckctl (loaded on first use).
#
# Completes commands, subcommands and options. Node names, backend names, operation ids and setting
# keys come from `fleetdeckctl __complete nodes|backends|ops|settings`, a hidden command that reads
# the store only (never NATS, never a node) and gives up after 1 s. The connection options already
# on the command line (--config, --profile, --store, --gallery) are passed on, so the names come
# from the store the command itself would use; FLEETDECK_* variables are inherited as usual.
# The words are taken from COMP_LINE, not COMP_WORDS, so that `--store sqlite:/path` stays one word
# (bash splits COMP_WORDS at ':' and '='). Needs no bash-completion helper functions.

_fleetdeckctl_value_options=(--node --wait-timeout --limit --history --profile --config --store --nats
  --nats-creds --nats-tls-ca --nats-user --nats-password-file --nats-token-file --gallery)
_fleetdeckctl_options=(--json --force --wait --help --help-all --version "${_fleetdeckctl_value_options[@]}")
_fleetdeckctl_commands=(nodes backends ops install upgrade delete cancel dismiss retry reconcile reap
  clean-pending settings)

# Adds the lines of standard input that start with $1 to COMPREPLY. Store data is never expanded
# by the shell (compgen -W would expand it).
_fleetdeckctl_add_matching()
{
    local word
    while IFS= read -r word; do
        [[ -n $word && $word == "$1"* ]] && COMPREPLY+=("$word")
    done
}

# _fleetdeckctl_query KIND: the names `__complete KIND` prints for this command line.
_fleetdeckctl_query()
{
    local prog=${_fleetdeckctl_words[0]}
    [[ $prog == \~/* ]] && prog=$HOME/${prog#\~/}
    "$prog" "${_fleetdeckctl_conn[@]}" __complete "$1" </dev/null 2>/dev/null
}

_fleetdeckctl_profiles()
{
    local dir=${XDG_CONFIG_HOME:-$HOME/.config}/fleetdeck/profiles f
    for f in "$dir"/*.conf; do
        [[ -f $f ]] || continue
        f=${f##*/}
        printf '%s\n' "${f%.conf}"
    done
}

_fleetdeckctl_compute()
{
    local line=${COMP_LINE:0:COMP_POINT}
    local -a words=()
    read -ra words <<<"$line"
    [[ -z $line || $line == *[[:space:]] ]] && words+=("")
    local cur=${words[${#words[@]} - 1]} prev=""
    ((${#words[@]} >= 2)) && prev=${words[${#words[@]} - 2]}
    _fleetdeckctl_words=("${words[@]}")
    _fleetdeckctl_conn=()

    # The positional words before the cursor, and the connection options to pass on.
    local -a pos=()
    local i w n=$((${#words[@]} - 1))
    for ((i = 1; i < n; i++)); do
        w=${words[i]}
        case $w in
            --config | --profile | --store | --gallery)
                ((i + 1 < n)) && _fleetdeckctl_conn+=("$w" "${words[i + 1]}")
                ((i++)) ;;
            --config=* | --profile=* | --store=* | --gallery=*) _fleetdeckctl_conn+=("$w") ;;
            -*=*) ;;
            -*)
                [[ " ${_fleetdeckctl_value_options[*]} " == *" $w "* ]] && ((i++)) ;;
            *) pos+=("$w") ;;
        esac
    done

    # The value of an option.
    case $prev in
        --node)
            _fleetdeckctl_add_matching "$cur" < <(_fleetdeckctl_query nodes)
            return 0 ;;
        --config | --nats-creds | --nats-tls-ca | --nats-password-file | --nats-token-file)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return 0 ;;
        --profile)
            _fleetdeckctl_add_matching "$cur" < <(_fleetdeckctl_profiles)
            return 0 ;;
        --store)
            compopt -o nospace 2>/dev/null
            _fleetdeckctl_add_matching "$cur" <<<$'sqlite:\npostgresql://'
            return 0 ;;
        --nats)
            compopt -o nospace 2>/dev/null
            _fleetdeckctl_add_matching "$cur" <<<$'nats://\ntls://'
            return 0 ;;
        --wait-timeout | --limit | --history | --nats-user | --gallery)
            return 0 ;;
    esac

    if [[ $cur == -* ]]; then
        _fleetdeckctl_add_matching "$cur" < <(printf '%s\n' "${_fleetdeckctl_options[@]}")
        return 0
    fi

    local -a candidates=()
    case ${#pos[@]}:${pos[0]-} in
        0:) candidates=("${_fleetdeckctl_commands[@]}") ;;
        1:nodes) candidates=(list approve drain resume delete) ;;
        1:backends) candidates=(list upgrades) ;;
        1:ops) candidates=(list history) ;;
        1:settings) candidates=(get set) ;;
        1:install | 1:upgrade | 1:delete)
            _fleetdeckctl_add_matching "$cur" < <(_fleetdeckctl_query backends)
            return 0 ;;
        1:cancel | 1:dismiss | 1:retry)
            _fleetdeckctl_add_matching "$cur" < <(_fleetdeckctl_query ops)
            return 0 ;;
        2:nodes)
            case ${pos[1]} in
                approve | drain | resume | delete)
                    _fleetdeckctl_add_matching "$cur" < <(_fleetdeckctl_query nodes) ;;
            esac
            return 0 ;;
        2:settings)
            if [[ ${pos[1]} == get ]]; then
                _fleetdeckctl_add_matching "$cur" < <(_fleetdeckctl_query settings)
            elif [[ ${pos[1]} == set ]]; then
                _fleetdeckctl_add_matching "$cur" < <(_fleetdeckctl_query settings | grep -vx cluster_id)
            fi
            return 0 ;;
        3:settings)
            case ${pos[1]}:${pos[2]} in
                set:nodes/auto_approve | set:upgrades/auto) candidates=(true false) ;;
                set:nodes/registration_token) candidates=(-) ;;
            esac ;;
    esac
    _fleetdeckctl_add_matching "$cur" < <(printf '%s\n' "${candidates[@]}")
    return 0
}

_fleetdeckctl()
{
    COMPREPLY=()
    _fleetdeckctl_compute
    # bash replaces only the part of the word after its last ':' (COMP_WORDBREAKS): drop the rest.
    local cur=${COMP_LINE:0:COMP_POINT} i
    cur=${cur##*[[:space:]]}
    if [[ $cur == *:* && $COMP_WORDBREAKS == *:* ]]; then
        local prefix=${cur%"${cur##*:}"}
        for i in "${!COMPREPLY[@]}"; do
            COMPREPLY[i]=${COMPREPLY[i]#"$prefix"}
        done
    fi
    return 0
}

complete -F _fleetdeckctl fleetdeckctl
