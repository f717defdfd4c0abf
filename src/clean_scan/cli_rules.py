"""``clean-scan rules`` and ``clean-scan rule CODE|NAME``: what each rule
does, and the ``--skip-rule`` option's type (a code or a name)."""

from __future__ import annotations

import click

from clean_scan.rules import RULES, find


class RuleName(click.ParamType):
    """A rule given by code (``CH136``) or name (``lone-speck``), as its name."""

    name = "CODE|NAME"

    def convert(self, value: str, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        rule = find(value)
        if rule is None:
            self.fail(f"no rule {value!r}; `clean-scan rules` lists them", param, ctx)
        return rule.name


@click.command("rules")
@click.option("--stage", help="Only this stage's rules.")
def rules_command(stage: str | None) -> None:
    """List the rules: code, name, stage, what each does."""
    shown = [rule for rule in RULES if stage is None or rule.stage == stage]
    width = max((len(rule.name) for rule in shown), default=0)
    for rule in shown:
        click.echo(f"{rule.code}  {rule.name:<{width}}  {rule.stage:<12}  {rule.summary}")


@click.command("rule")
@click.argument("code_or_name", metavar="CODE|NAME")
def rule_command(code_or_name: str) -> None:
    """Print one rule's documentation: what it fixes and what it leaves alone."""
    rule = find(code_or_name)
    if rule is None:
        click.echo(f"clean-scan: error: no rule {code_or_name!r}; `clean-scan rules` lists "
                   "them", err=True)
        raise SystemExit(2)
    click.echo(rule.documentation())
