"""The `claims-pipeline` Prefect flow. It lives in `claimledger.flow`, inside the installed package; this
module keeps the checkout's `flows/` entry point (`python -m flows.claims_pipeline`) working."""

from claimledger.flow import claims_pipeline, run_pipeline, serve

__all__ = ["claims_pipeline", "run_pipeline", "serve"]

if __name__ == "__main__":
    print(run_pipeline())
