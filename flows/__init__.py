"""Prefect flows that wire claimledger's steps."""
