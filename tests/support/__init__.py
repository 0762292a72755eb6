"""Helpers shared by the test areas (tests/service, tests/mail): ports, waiting, stopping processes."""
