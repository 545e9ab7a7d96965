# fish completion for occkit: subcommands, their main options and option values. Installed to
# share/fish/vendor_completions.d/occkit.fish.
set -l commands convert detect layouts validate rules stale diff history export import
complete -c occkit -f
complete -c occkit -n "not __fish_seen_subcommand_from $commands" -a convert -d 'Convert career pages to canonical XML'
complete -c occkit -n "not __fish_seen_subcommand_from $commands" -a detect -d 'Which site layout each page is in'
complete -c occkit -n "not __fish_seen_subcommand_from $commands" -a layouts -d 'List the built-in layouts'
complete -c occkit -n "not __fish_seen_subcommand_from $commands" -a validate -d 'Check profiles against schema and rules'
complete -c occkit -n "not __fish_seen_subcommand_from $commands" -a rules -d 'List or explain the validate rules'
complete -c occkit -n "not __fish_seen_subcommand_from $commands" -a stale -d 'Flag outdated sections and dates'
complete -c occkit -n "not __fish_seen_subcommand_from $commands" -a diff -d 'What changed between two versions'
complete -c occkit -n "not __fish_seen_subcommand_from $commands" -a history -d 'Timeline of snapshots'
complete -c occkit -n "not __fish_seen_subcommand_from $commands" -a export -d 'Profiles as JSON, JSON-LD or NDJSON'
complete -c occkit -n "not __fish_seen_subcommand_from $commands" -a import -d 'Exported JSON back to canonical XML'
complete -c occkit -n "not __fish_seen_subcommand_from $commands" -l version -d 'Show versions'
complete -c occkit -n "__fish_seen_subcommand_from $commands" -F
complete -c occkit -n "__fish_seen_subcommand_from $commands" -s q -l quiet -d 'Print only errors'
complete -c occkit -n "__fish_seen_subcommand_from $commands" -s v -l verbose -d 'Name each input as it is processed'
complete -c occkit -n "__fish_seen_subcommand_from $commands" -s o -l output -r -d 'Output file or directory'
complete -c occkit -n "__fish_seen_subcommand_from convert detect validate stale diff history export" -l layout -x -a '(occkit layouts 2>/dev/null | string split -f1 " ")' -d 'Use this layout'
complete -c occkit -n "__fish_seen_subcommand_from convert detect layouts validate stale diff history export" -l layout-file -r -d 'Load a layout file'
complete -c occkit -n "__fish_seen_subcommand_from convert detect validate stale diff history export" -l input-format -x -a 'auto html text'
complete -c occkit -n "__fish_seen_subcommand_from validate" -l format -x -a 'text json sarif junit github codeclimate'
complete -c occkit -n "__fish_seen_subcommand_from validate" -l fail-on -x -a 'info warning error'
complete -c occkit -n "__fish_seen_subcommand_from validate stale" -l no-config -d 'Ignore occkit.conf'
complete -c occkit -n "__fish_seen_subcommand_from stale" -l format -x -a 'text json csv sarif'
complete -c occkit -n "__fish_seen_subcommand_from diff" -l format -x -a 'text json html'
complete -c occkit -n "__fish_seen_subcommand_from history" -l format -x -a 'text json csv html'
complete -c occkit -n "__fish_seen_subcommand_from export" -s f -l format -x -a 'json jsonld ndjson'
