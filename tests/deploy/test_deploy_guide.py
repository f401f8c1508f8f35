"""The deployment guide and the script that follows it cannot drift apart.

Every command in docs/deploy.md's `sh` blocks must be run, word for word, by .ci/deploy-check (as a
`doc <<'EOF'` heredoc), or be listed below as one CI cannot run, with the reason; and the script
runs no guide command that the guide no longer gives. The files the guide installs are checked
for agreeing with each other and with Accord's settings.
"""

import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "deploy.md"
SCRIPT = ROOT / ".ci" / "deploy-check"
DEPLOY = ROOT / "docs" / "deploy"

# Guide commands CI does not run, by how they start, with why (the guide's last table says the same).
NOT_EXERCISED = {
    "sudo apt-get install ": "CI installs its own packages (.ci/run)",
    "sudo adduser ": "CI runs as root and makes no accounts on the machine",
    "sudo -u accord git ": "CI tests the checkout it is given",
    "sudo -u accord python3 -m venv ": "make install (run by make test) builds the checkout's .venv",
    "sudo -u accord .venv/bin/pip install ": "make install (run by make test) installs the checkout",
    "sudo -u accord editor ": "interactive; CI writes the same settings with sed",
    "sudo systemctl ": "no systemd in CI; it runs the units' ExecStart commands itself",
    "sudo journalctl ": "no systemd journal in CI",
}


def joined_lines(text: str) -> list[str]:
    return re.sub(r"\\\n\s*", "", text).splitlines()


def guide_commands() -> list[str]:
    commands = []
    for block in re.findall(r"^ *```sh\n(.*?)^ *```", GUIDE.read_text(), re.S | re.M):
        for line in joined_lines(block):
            line = line.strip()
            if line and not line.startswith("#"):
                commands.append(line)
    return commands


def script_commands() -> list[str]:
    heredocs = re.findall(r"\bdoc(?:_tty [^\n]*?)? <<'EOF'\n(.*?)\nEOF\n", SCRIPT.read_text(), re.S)
    commands = []
    for heredoc in heredocs:
        lines = [line.strip() for line in joined_lines(heredoc) if line.strip()]
        assert len(lines) == 1, f"one guide command per doc heredoc, not {lines}"
        commands.append(lines[0])
    return commands


def left_out(command: str) -> str | None:
    return next((reason for start, reason in NOT_EXERCISED.items() if command.startswith(start)), None)


def test_the_guide_gives_commands_and_the_script_runs_them():
    assert len(guide_commands()) > 40
    assert len(script_commands()) > 40


def test_every_command_in_the_deployment_guide_is_run_by_the_deploy_check_or_says_why_not():
    exercised = set(script_commands())
    missing = [c for c in guide_commands() if c not in exercised and left_out(c) is None]
    assert missing == [], "guide commands .ci/deploy-check does not run:\n" + "\n".join(missing)


def test_the_deploy_check_runs_no_guide_command_the_guide_no_longer_gives():
    documented = set(guide_commands())
    stale = [c for c in script_commands() if c not in documented]
    assert stale == [], "commands in .ci/deploy-check that docs/deploy.md does not give:\n" + "\n".join(stale)


def test_commands_ci_leaves_out_are_few_each_has_a_reason_and_none_is_stale():
    commands = guide_commands()
    assert len(NOT_EXERCISED) <= 10
    for start, reason in NOT_EXERCISED.items():
        assert reason
        assert any(c.startswith(start) for c in commands), f"nothing in the guide starts {start!r}"
        assert not any(c.startswith(start) for c in script_commands()), f"CI does run {start!r}"
    left = [c for c in commands if left_out(c)]
    assert len(left) < len(commands) / 3, "most of the guide must be exercised"


def test_the_guide_says_which_commands_ci_leaves_out():
    table = GUIDE.read_text().split("## How this guide is tested", 1)[1]
    for word in [
        "apt-get install",
        "adduser",
        "git clone",
        "pip install",
        "editor",
        "systemctl",
        "journalctl",
    ]:
        assert f"`{word}" in table, f"the guide's table does not mention {word}"


def test_every_file_in_docs_deploy_is_used_by_the_guide_and_every_one_it_names_exists():
    guide = GUIDE.read_text()
    for path in DEPLOY.iterdir():
        assert path.name in guide, f"docs/deploy/{path.name} is not mentioned in the guide"
    for name in re.findall(r"docs/deploy/([\w.-]+)", guide):
        assert (DEPLOY / name).is_file(), f"the guide names docs/deploy/{name}, which does not exist"


def settings_file() -> dict[str, str]:
    values = {}
    for line in (DEPLOY / "accord.env").read_text().splitlines():
        if line and not line.startswith("#"):
            key, value = line.split("=", 1)
            values[key] = value
    return values


def test_the_example_settings_set_only_what_accord_reads():
    settings = (ROOT / "accord" / "settings.py").read_text()
    for key in settings_file():
        assert re.search(rf"(?:env(?:_bool|_int|_list)?|os\.environ\.get)\(\s*\"{key}\"", settings), (
            f"Accord does not read {key}"
        )


def test_values_with_spaces_are_quoted_so_systemd_and_the_shell_read_them_alike():
    for key, value in settings_file().items():
        if " " in value:
            assert value.startswith('"') and value.endswith('"'), key


def test_nginx_accepts_uploads_a_little_larger_than_accord_does_and_waits_longer_than_gunicorn():
    site = (DEPLOY / "nginx-accord.conf").read_text()
    body_mb = int(re.search(r"client_max_body_size (\d+)m;", site).group(1))
    assert body_mb > int(settings_file()["ACCORD_UPLOAD_MAX_MB"])
    web = (DEPLOY / "accord-web.service").read_text()
    gunicorn_timeout = int(re.search(r"--timeout (\d+)", web).group(1))
    assert int(re.search(r"proxy_read_timeout (\d+)s;", site).group(1)) > gunicorn_timeout
    assert re.search(r"proxy_set_header X-Forwarded-Proto \$scheme;", site)
    upstream = re.search(r"upstream accord \{(.*?)\}", site, re.S).group(1)
    assert re.search(r"^\s*server 127\.0\.0\.1:8000;", upstream, re.M)
    assert "--bind 127.0.0.1:8000" in web


@pytest.mark.parametrize("unit", ["accord-web.service", "accord-worker.service", "accord-nightly.service"])
def test_each_unit_runs_as_the_accord_account_with_the_settings_file(unit):
    text = (DEPLOY / unit).read_text()
    assert "\nUser=accord\n" in text
    assert "\nEnvironmentFile=/srv/accord/accord.env\n" in text
    assert "\nWorkingDirectory=/srv/accord/app\n" in text
    for command in re.findall(r"^ExecStart=(\S+)", text, re.M):
        assert command.startswith("/"), f"{unit}: ExecStart needs an absolute path, not {command}"


def test_accord_admin_runs_the_command_with_the_services_settings(tmp_path):
    home = tmp_path / "accord"
    bin_dir = home / "app" / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    fake = bin_dir / "accord"
    fake.write_text('#!/bin/sh\necho "$COUNCIL_NAME|$(pwd)|$*"\n')
    fake.chmod(0o755)
    (home / "accord.env").write_text('COUNCIL_NAME="Chorley Council"\n')
    user = subprocess.run(["id", "-un"], capture_output=True, text=True, check=True).stdout.strip()
    env = {**os.environ, "ACCORD_HOME": str(home), "ACCORD_USER": user}
    env.pop("ACCORD_ENV", None)
    result = subprocess.run(
        [str(DEPLOY / "accord-admin"), "migrate", "--check"], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Chorley Council|{home / 'app'}|migrate --check"


def test_accord_admin_refuses_anyone_but_root_and_the_services_account(tmp_path):
    as_someone = ["runuser", "-u", "nobody", "--"] if os.geteuid() == 0 else []
    env = {**os.environ, "ACCORD_HOME": str(tmp_path), "ACCORD_USER": "someone-else-entirely"}
    result = subprocess.run(
        [*as_someone, str(DEPLOY / "accord-admin"), "check"], env=env, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "run this as root or as someone-else-entirely" in result.stderr
