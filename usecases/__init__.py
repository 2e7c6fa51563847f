"""Use cases: what a person does with the product, as one call each, for the CLI and the pages.

Each module takes loaded data and plain options, calls :mod:`graph` and returns results and
files; ``navigator`` commands print them and pages lay them out, so both give the same answer.
"""
