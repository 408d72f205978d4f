"""Reads a JUnit XML report with junitparser and prints what a CI server would count, as JSON."""
import json
import sys

from junitparser import Error, Failure, JUnitXml

xml = JUnitXml.fromfile(sys.argv[1])
suites = []
for suite in xml:
    cases = list(suite)
    suites.append(
        {
            "name": suite.name,
            "tests": len(cases),
            "failed": sorted(case.name for case in cases if any(isinstance(r, Failure) for r in case.result)),
            "errors": sum(1 for case in cases if any(isinstance(r, Error) for r in case.result)),
            "failure_types": sorted({r.type for case in cases for r in case.result if isinstance(r, Failure)}),
        }
    )
print(json.dumps({"tests": xml.tests, "failures": xml.failures, "errors": xml.errors, "suites": suites}))
