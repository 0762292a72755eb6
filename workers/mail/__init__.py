"""Requests by email: read a resident's message, decide, reply or hand to staff."""
