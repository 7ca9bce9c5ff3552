#!/usr/bin/env python3
"""Man pages for wijkweb, generated from its command definitions.

Reads the command tree that swift-argument-parser describes (`wijkweb --experimental-dump-help`) and
writes one page in section 1 per command: wijkweb.1 and wijkweb-<subcommand>[-<subcommand>].1.
(swift-argument-parser's own `generate-manual` plugin rebuilds the whole package in its own build
configuration before it runs; this reads the binary the package is built from instead.)

Usage: manpages.py BINARY OUTPUT_FOLDER [DATE]
"""

import json
import subprocess
import sys
from pathlib import Path

ENVIRONMENT = [
    ("WIJKWEB_DB", "The database file when --db is not given (default: wijkweb.sqlite in the XDG data folder)."),
    ("WIJKWEB_DATA", "The folder holding Questionnaires/, Areas/ and Languages/ (default: /usr/share/wijkweb when "
                     "installed, else beside the program)."),
]
FILES = [
    ("/usr/share/wijkweb/Questionnaires", "The questionnaires that ship with Wijkweb."),
    ("/usr/share/wijkweb/Areas", "The area lists (gemeente, gebied, wijk, buurt)."),
    ("/usr/share/wijkweb/Languages", "Translations beyond Dutch and English."),
]


def roff(text):
    """Text safe in a roff line: backslashes escaped, no line starting with a control character."""
    lines = []
    for line in (text or "").replace("\\", "\\e").replace("-", "\\-").splitlines():
        line = line.rstrip()
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line if line else ".PP")
    return "\n".join(lines)


def page_name(path):
    return "-".join(path)


def flag_names(argument):
    names = []
    for name in argument.get("names") or []:
        prefix = "--" if name["kind"] == "long" else "-"
        names.append(f"\\fB{prefix}{roff(name['name'])}\\fR")
    return names


def argument_heading(argument):
    value = argument.get("valueName") or "value"
    if argument["kind"] == "positional":
        return f"\\fI<{roff(value)}>\\fR" + ("..." if argument.get("isRepeating") else "")
    names = ", ".join(flag_names(argument))
    if argument["kind"] == "option":
        names += f" \\fI<{roff(value)}>\\fR"
    return names


def is_builtin(argument):
    """--help and --version: every page has them; not listed."""
    return any(name["name"] in {"help", "version", "h"} for name in argument.get("names") or [])


def visible_arguments(command):
    return [a for a in command.get("arguments") or [] if a.get("shouldDisplay", True) and not is_builtin(a)]


def visible_subcommands(command):
    return [s for s in command.get("subcommands") or [] if s.get("shouldDisplay", True) and s["commandName"] != "help"]


def synopsis(path, command):
    parts = [f"\\fB{' '.join(path)}\\fR"]
    if command.get("subcommands"):
        parts.append("\\fI<subcommand>\\fR")
    for argument in visible_arguments(command):
        text = argument_heading(argument).split(", ")[-1] if argument["kind"] != "positional" else argument_heading(argument)
        parts.append(f"[{text}]" if argument.get("isOptional") else text)
    return " ".join(parts)


def write_page(folder, path, command, date, version):
    name = page_name(path)
    lines = [
        f'.TH "{name.upper()}" "1" "{date}" "Wijkweb {version}" "Wijkweb manual"',
        ".SH NAME",
        f"{roff(name)} \\- {roff(command.get('abstract') or '')}",
        ".SH SYNOPSIS",
        synopsis(path, command),
    ]
    if command.get("discussion") or command.get("abstract"):
        lines += [".SH DESCRIPTION", roff(command.get("discussion") or command.get("abstract"))]
    arguments = visible_arguments(command)
    if arguments:
        lines.append(".SH OPTIONS")
        for argument in arguments:
            lines += [".TP", argument_heading(argument), roff(argument.get("abstract") or "")]
            if argument.get("discussion"):
                lines += [".IP", roff(argument["discussion"])]
            if argument.get("defaultValue") not in (None, ""):
                lines.append(f"(default: {roff(argument['defaultValue'])})")
    visible = visible_subcommands(command)
    if visible:
        lines.append(".SH COMMANDS")
        for sub in visible:
            lines += [".TP", f"\\fB{roff(sub['commandName'])}\\fR", roff(sub.get("abstract") or ""),
                      f"See \\fB{roff(page_name(path + [sub['commandName']]))}\\fR(1)."]
    if len(path) == 1:
        lines.append(".SH ENVIRONMENT")
        for variable, meaning in ENVIRONMENT:
            lines += [".TP", f"\\fB{variable}\\fR", roff(meaning)]
        lines.append(".SH FILES")
        for file, meaning in FILES:
            lines += [".TP", f"\\fI{roff(file)}\\fR", roff(meaning)]
    related = [page_name(path[:-1])] if len(path) > 1 else []
    related += [page_name(path + [sub["commandName"]]) for sub in visible]
    if related:
        lines += [".SH SEE ALSO", ", ".join(f"\\fB{roff(r)}\\fR(1)" for r in related)]
    (folder / f"{name}.1").write_text("\n".join(lines) + "\n", encoding="utf-8")
    written = [name]
    for sub in visible:
        written += write_page(folder, path + [sub["commandName"]], sub, date, version)
    return written


def main():
    if len(sys.argv) not in (3, 4):
        raise SystemExit(__doc__)
    binary, folder = sys.argv[1], Path(sys.argv[2])
    date = sys.argv[3] if len(sys.argv) == 4 else subprocess.run(
        ["git", "log", "-1", "--format=%cs"], capture_output=True, text=True).stdout.strip() or "1970-01-01"
    tree = json.loads(subprocess.run([binary, "--experimental-dump-help"], capture_output=True, text=True,
                                     check=True).stdout)
    version = subprocess.run([binary, "--version"], capture_output=True, text=True, check=True).stdout.split()[1]
    folder.mkdir(parents=True, exist_ok=True)
    for name in write_page(folder, [tree["command"]["commandName"]], tree["command"], date, version):
        print(name)


if __name__ == "__main__":
    main()
