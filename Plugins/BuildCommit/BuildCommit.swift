import Foundation
import PackagePlugin

/// Records the git commit the program is built from in `BuildCommit.swift` (for `wijkweb --version`).
/// It runs before every build, and rewrites the file only when the commit changed so that an unchanged
/// tree is not recompiled. Outside a git checkout (a source archive) `$WIJKWEB_COMMIT` names the commit,
/// else it is "unknown".
@main
struct BuildCommit: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuildCommit")
    let script = #"""
      set -u
      commit=$(git -C "$1" rev-parse --short=12 HEAD 2>/dev/null) || commit="${WIJKWEB_COMMIT:-unknown}"
      if [ "$commit" != "${WIJKWEB_COMMIT:-unknown}" ] && [ -n "$(git -C "$1" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
        commit="$commit-dirty"
      fi
      mkdir -p "$2"
      line="let buildCommit = \"$commit\""
      [ "$(cat "$2/BuildCommit.swift" 2>/dev/null)" = "$line" ] || printf '%s\n' "$line" > "$2/BuildCommit.swift"
      """#
    return [
      .prebuildCommand(
        displayName: "Recording the git commit of the build",
        executable: URL(fileURLWithPath: "/bin/sh"),
        arguments: ["-c", script, "sh", context.package.directoryURL.path, output.path],
        outputFilesDirectory: output)
    ]
  }
}
