"""The pages a job centre's caseworker uses, one package an area."""
