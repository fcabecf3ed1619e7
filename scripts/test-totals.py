"""Add up JUnit XML reports (pytest and Maven Surefire) into one closing line:
``tests: N passed, N failed, N skipped``."""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

passed = failed = skipped = 0
for folder in sys.argv[1:]:
    for report in sorted(Path(folder).glob("*.xml")):
        root = ET.parse(report).getroot()  # noqa: S314 (our own test reports)
        suites = [root] if root.tag == "testsuite" else root.iter("testsuite")
        for suite in suites:
            total = int(suite.get("tests", 0))
            bad = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
            skip = int(suite.get("skipped", 0))
            passed += total - bad - skip
            failed += bad
            skipped += skip
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
