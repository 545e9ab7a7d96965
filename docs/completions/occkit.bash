# bash completion for occkit: subcommands, their options, and option values (formats, layouts, severities).
# Installed to share/bash-completion/completions/occkit; or source it from ~/.bashrc.
_occkit() {
    local cur prev words cword
    _init_completion 2>/dev/null || { cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}; }
    local commands="convert detect layouts validate rules stale diff history export import"
    local common="--help --quiet --verbose"
    local pages="--layout --layout-file --input-format"
    local command="" word
    for word in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
        case " $commands " in *" $word "*) command=$word; break ;; esac
    done
    case $prev in
        --layout) COMPREPLY=($(compgen -W "$(occkit layouts 2>/dev/null | cut -d' ' -f1)" -- "$cur")); return ;;
        --input-format) COMPREPLY=($(compgen -W "auto html text" -- "$cur")); return ;;
        --fail-on) COMPREPLY=($(compgen -W "info warning error" -- "$cur")); return ;;
        --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        --format|-f)
            case $command in
                validate) COMPREPLY=($(compgen -W "text json sarif junit github codeclimate" -- "$cur")) ;;
                stale) COMPREPLY=($(compgen -W "text json csv sarif" -- "$cur")) ;;
                diff) COMPREPLY=($(compgen -W "text json html" -- "$cur")) ;;
                history) COMPREPLY=($(compgen -W "text json csv html" -- "$cur")) ;;
                export) COMPREPLY=($(compgen -W "json jsonld ndjson" -- "$cur")) ;;
            esac
            return ;;
        -o|--output|--layout-file|--config|--baseline|--write-baseline|--stale-policy|--policy|--root)
            COMPREPLY=($(compgen -f -- "$cur")); return ;;
    esac
    if [ -z "$command" ]; then
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
        return
    fi
    if [[ $cur == -* ]]; then
        local options
        case $command in
            convert) options="-o --output --url -j --jobs --explain --ndjson --max-input-size --max-depth --max-line-length $pages" ;;
            detect) options="--all $pages" ;;
            layouts) options="--layout-file" ;;
            validate) options="-o --output --format --fail-on --as-of --config --baseline --write-baseline --root
                               --from-page --stale --stale-policy -j --jobs --max-annotations --no-config $pages" ;;
            rules) options="" ;;
            stale) options="--as-of --max-age --policy --format -o --output -j --jobs --no-config $pages" ;;
            diff) options="-L --label --format -o --output --stat --color --same-profile --textconv $pages" ;;
            history) options="--date --format -o --output --color --same-profile -j --jobs $pages" ;;
            export) options="-f --format -o --output --url -j --jobs --ndjson-records $pages" ;;
            import) options="-o --output" ;;
        esac
        COMPREPLY=($(compgen -W "$options $common" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _occkit occkit
