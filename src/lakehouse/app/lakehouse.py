"""The one facade: every capability's methods on one object (``lakehouse.connect()`` returns it)."""

from __future__ import annotations

from lakehouse.app.answers import AnswersApi
from lakehouse.app.buckets import BucketsApi
from lakehouse.app.datasets import DatasetsApi
from lakehouse.app.governance import GovernanceApi
from lakehouse.app.ingest import IngestApi
from lakehouse.app.jobs import JobsApi
from lakehouse.app.models import ModelsApi
from lakehouse.app.profiles import ProfilesApi
from lakehouse.app.query import QueryApi
from lakehouse.app.sharing import SharingApi
from lakehouse.app.vectors import VectorsApi


class Lakehouse(BucketsApi, DatasetsApi, IngestApi, QueryApi, JobsApi, VectorsApi, GovernanceApi,
                AnswersApi, ProfilesApi, ModelsApi, SharingApi):
    def __enter__(self) -> Lakehouse:
        return self
