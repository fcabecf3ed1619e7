"""axe-core (npm package, node_modules/) injected into a Playwright page."""

from tests.support.browser import AXE_SCRIPT

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}


def blocking_violations(page):
    """The serious and critical WCAG 2.1 A/AA violations of the loaded page."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA
    )
    return [v for v in result["violations"] if v["impact"] in BLOCKING]


def describe(violations):
    lines = []
    for violation in violations:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        lines.append(
            f"[{violation['impact']}] {violation['id']} : {violation['help']} — {targets}"
        )
    return "\n".join(lines)
