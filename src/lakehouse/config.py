"""Settings: defaults < lakehouse.toml < LAKEHOUSE_* environment < explicit overrides (CLI flags).

Built once by the caller and passed down; nothing in the package reads a global configuration.
Secrets never live here in clear: settings that need one hold a reference ``env:LAKEHOUSE_SECRET_*``.
"""

from __future__ import annotations

import ipaddress
import os
import re
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from lakehouse.errors import InvalidInput
from lakehouse.sql_bounds import DEFAULT_MAX_CHAIN, DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH, SqlLimits

SECRET_ENV_PREFIX = "LAKEHOUSE_SECRET_"
_LABEL = r"[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?"
_HOST_NAME = re.compile(rf"^(\*\.)?{_LABEL}(\.{_LABEL})*\.?$")
_config_file: ContextVar[Path | None] = ContextVar("lakehouse_config_file", default=None)


class WatchRule(BaseModel):
    pattern: str = Field(description="Glob matched against the file name, e.g. 'sales_*.csv'.")
    dataset: str = Field(description="Dataset the matching files are ingested into.")
    mode: Literal["append", "overwrite"] = "append"


class WatchSettings(BaseModel):
    enabled: bool = False
    path: Path | None = Field(default=None, description="Drop folder; defaults to <data_dir>/dropbox.")
    debounce_ms: int = Field(default=1000, ge=0)
    rules: list[WatchRule] = Field(default_factory=list)


class IngestSettings(BaseModel):
    max_columns: int = Field(default=10_000, ge=1)
    max_upload_bytes: int = Field(default=10 * 1024**3, ge=1)
    max_field_bytes: int = Field(default=16 * 1024**2, ge=1)
    batch_rows: int = Field(default=131_072, ge=1024)
    pii_sample_rows: int = Field(default=2_000, ge=10)
    readahead_mb: int = Field(default=256, ge=1, description=(
        "CLI database ingest: the read starts while the CLI opens the catalog; at most this much is buffered "
        "before the writer takes over."))
    watch: WatchSettings = Field(default_factory=WatchSettings)


class QuerySettings(BaseModel):
    time_limit_seconds: float = Field(default=30.0, gt=0)
    max_rows: int = Field(default=10_000, ge=1)
    export_time_limit_seconds: float = Field(
        default=1800.0, gt=0, description="Whole-result exports (Arrow/CSV streams, sql --output) run this long.")
    memory_limit_mb: int = Field(default=4096, ge=64)
    workers: int = Field(default=2, ge=1)
    target_partitions: int = Field(default=0, ge=0, description="0 = number of CPU cores.")
    max_sql_length: int = Field(
        default=DEFAULT_MAX_LENGTH, ge=1, description="Longest SQL text accepted (characters), checked before parsing.")
    max_nesting_depth: int = Field(
        default=DEFAULT_MAX_DEPTH, ge=1, le=48,
        description="Deepest nesting of parentheses, subqueries, CASE and NOT accepted, checked before parsing "
        "(DataFusion's own parser stops at 50).")
    max_chained_operators: int = Field(
        default=DEFAULT_MAX_CHAIN, ge=1, le=4000,
        description="Most AND/OR/arithmetic/UNION/JOIN operators chained in one expression (the planner "
        "recurses per operator; at most 4000 stays clear of the query worker's stack).")

    @property
    def sql_limits(self) -> SqlLimits:
        return SqlLimits(self.max_sql_length, self.max_nesting_depth, self.max_chained_operators)


class CatalogSettings(BaseModel):
    url: str | None = Field(
        default=None,
        description="SQLAlchemy URL; default sqlite:///<data_dir>/catalog.db. Passwords as env: refs.",
    )
    lock_timeout_seconds: float = Field(default=10.0, ge=0)
    heartbeat_seconds: float = Field(
        default=5.0, gt=0, description="How often a process owning jobs or locks renews its lease.")
    lease_seconds: float = Field(
        default=30.0, gt=0, description="A lease not renewed for this long is dead: its jobs are interrupted.")


class StorageSettings(BaseModel):
    primary_root: Path | None = Field(default=None, description="Default <data_dir>/buckets/primary.")
    rescue_root: Path | None = Field(default=None, description="Default <data_dir>/buckets/rescue.")
    vacuum_retention_hours: int = Field(default=168, ge=0, description="Old table files kept this long.")
    allowed_roots: list[Path] = Field(
        default_factory=list,
        description="Directories, besides the data directory, under which local bucket roots may lie.",
    )
    profile_root: Path | None = Field(
        default=None,
        description="Where a profile's own bucket is provisioned (a folder per bucket) on its first activation; "
                    "unset: profiles that name a bucket must name an existing one.",
    )

    @field_validator("profile_root")
    @classmethod
    def _absolute_profile_root(cls, value: Path | None) -> Path | None:
        if value is not None and not value.expanduser().is_absolute():
            raise ValueError(f"storage.profile_root must be an absolute directory, got {value}")
        return value.expanduser() if value is not None else None

    @field_validator("allowed_roots")
    @classmethod
    def _absolute_roots(cls, value: list[Path]) -> list[Path]:
        relative = [str(p) for p in value if not p.expanduser().is_absolute()]
        if relative:
            raise ValueError(f"storage.allowed_roots must be absolute directories, got {relative}")
        return [p.expanduser() for p in value]


def is_host_entry(entry: str) -> bool:
    """A host name (``*.example.com`` for its subdomains), an IP address or a CIDR."""
    try:
        ipaddress.ip_network(entry.strip("[]"), strict=False)
        return True
    except ValueError:
        return bool(entry) and len(entry) <= 253 and _HOST_NAME.fullmatch(entry.lower()) is not None


class NetworkSettings(BaseModel):
    allowed_hosts: list[str] = Field(
        default_factory=lambda: ["localhost", "127.0.0.0/8", "::1"],
        description="Hosts outbound requests may reach (names, addresses, CIDRs); hosts named elsewhere in "
        "the configuration are added. Link-local and metadata addresses are refused whatever this says.",
    )

    @field_validator("allowed_hosts")
    @classmethod
    def _hosts(cls, value: list[str]) -> list[str]:
        bad = [v for v in value if not is_host_entry(v.strip())]
        if bad:
            raise ValueError(f"network.allowed_hosts: {bad} are not host names, IP addresses or CIDRs")
        return [v.strip() for v in value]


class ServerSettings(BaseModel):
    host: str = "127.0.0.1"
    port: int = Field(default=8765, ge=1, le=65535)
    tls_certfile: Path | None = None
    tls_keyfile: Path | None = None
    max_json_depth: int = Field(
        default=32, ge=1, le=512, description="Deepest nesting of arrays/objects accepted in a JSON request body.")
    malloc_arena_max: int = Field(
        default=2, ge=0, le=1024,
        description="glibc malloc arenas the server may use (0: glibc's default, 8 per core).")
    malloc_trim_seconds: float = Field(
        default=30.0, ge=0,
        description="How often the server hands freed C heap back to the OS (malloc_trim); 0: never.")
    access_log: bool = Field(
        default=False,
        description="uvicorn's line per request on stdout; every request is in the audit log either way.")


class AuthSettings(BaseModel):
    mode: Literal["local", "token"] = Field(
        default="local", description="local: no tokens, loopback only; token: Authorization: Bearer required."
    )


class GovernanceSettings(BaseModel):
    secret: str | None = Field(
        default=None,
        description="HMAC key for hash redaction and erased-key digests, as env:LAKEHOUSE_SECRET_*; "
        "default: a random key kept in <data_dir>/secret.key (mode 0600).",
    )
    purge_retention_hours: int = Field(
        default=24, ge=0, description="Purge vacuums files and log entries holding erased rows after this."
    )


class EmbedderEndpoint(BaseModel):
    url: str = Field(description="Base URL of the model server.")
    model: str = Field(description="Model name the server knows.")
    api_key: str | None = Field(default=None, description="env:LAKEHOUSE_SECRET_* reference, sent as Bearer.")


class EmbeddingsSettings(BaseModel):
    default: str = Field(default="local", description="Embedder used when a build names none.")
    batch_size: int = Field(default=64, ge=1, le=4096)
    timeout_seconds: float = Field(default=60.0, gt=0)
    retries: int = Field(default=3, ge=0, le=20)
    backoff_seconds: float = Field(default=0.5, ge=0)
    local_threads: int = Field(default=1, ge=0, description="torch threads for query embeddings; 0 = torch default.")
    local_bulk_threads: int = Field(default=0, ge=0, description="torch threads for bulk embedding; 0 = all cores.")
    ollama: EmbedderEndpoint = Field(
        default_factory=lambda: EmbedderEndpoint(url="http://127.0.0.1:11434", model="nomic-embed-text"))
    openai: EmbedderEndpoint = Field(
        default_factory=lambda: EmbedderEndpoint(url="http://127.0.0.1:8000/v1", model="text-embedding-3-small"))


_GO_DURATION = re.compile(r"^-?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$")


class ModelsSettings(BaseModel):
    """The GPU slot (models/): the model server whose models it loads and unloads (docs/models.md)."""

    url: str | None = Field(
        default=None, description="Base URL of the Ollama-compatible model server; default embeddings.ollama.url.")
    keep_alive: int | str = Field(
        default=-1, description="keep_alive sent with a preload: seconds (negative: until unloaded) or a duration "
        "such as '30m'. Unloads always send 0.")
    timeout_seconds: float = Field(
        default=300.0, gt=0, description="Longest wait for a preload or an unload (loading a big model takes a while).")
    probe_timeout_seconds: float = Field(
        default=5.0, gt=0, description="Longest wait for the quick calls: /api/ps, /api/tags, /api/show.")
    vram_check: Literal["auto", "always", "never"] = Field(
        default="auto", description="Check free GPU memory (NVML) before a preload: auto = when the model server "
        "runs on this machine (a loopback URL); always; never.")
    vram_headroom_mb: int = Field(
        default=512, ge=0, description="GPU memory kept free beyond the model's size when the check runs.")

    @field_validator("keep_alive")
    @classmethod
    def _keep_alive(cls, value: int | str) -> int | str:
        if isinstance(value, str) and not _GO_DURATION.fullmatch(value.strip()):
            if re.fullmatch(r"-?\d+", value.strip()):
                return int(value)
            raise ValueError(f"models.keep_alive must be seconds or a duration such as '30m', got {value!r}")
        return value.strip() if isinstance(value, str) else value


class VectorsSettings(BaseModel):
    chunk_size: int = Field(default=1000, ge=16, description="Default chunk length (characters or tokens).")
    overlap: int = Field(default=100, ge=0)
    max_chunks_per_document: int = Field(default=2000, ge=1)
    hnsw_m: int = Field(default=16, ge=4, le=128)
    hnsw_ef_construction: int = Field(default=80, ge=8)
    hnsw_ef_search: int = Field(default=40, ge=1)
    exact_below: int = Field(default=2000, ge=0, description="Indexes with fewer vectors are searched exactly.")
    max_k: int = Field(default=1000, ge=1)
    search_threads: int = Field(default=1, ge=1, description="faiss OpenMP threads for searches.")
    autotune_time_limit_seconds: float = Field(default=600.0, gt=0)
    scheduler_interval_seconds: float = Field(default=30.0, gt=0)
    default_backend: Literal["hnsw", "lance"] = Field(
        default="hnsw", description="Backend of indexes built without vector_backend (vectors/backend.py).")
    lance_nprobes: int = Field(default=20, ge=1, description="IVF partitions a Lance search probes (champion's wins).")
    lance_refine_factor: int = Field(default=10, ge=0, description=(
        "Lance: re-rank refine_factor x k PQ candidates exactly (0: no re-rank; IVF_PQ recall stays near 0.65)."))
    lance_sample_rate: int = Field(default=64, ge=16, description=(
        "IVF_PQ training sample: sample_rate x num_partitions vectors for the IVF k-means, sample_rate x 256 "
        "for each PQ codebook (pylance's default 256)."))
    lance_max_iters: int = Field(default=20, ge=1, description=(
        "IVF_PQ training: k-means iterations at most (pylance's default 50 took ~30% longer for the same recall)."))
    lance_optimize_unindexed_fraction: float = Field(default=0.1, ge=0, le=1, description=(
        "Fold appended rows into the IVF_PQ index (optimize) once they exceed this share of the rows."))


_RAY_ADDRESS = re.compile(r"^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9._-]+):(\d{1,5})$")


class ComputeSettings(BaseModel):
    """Where big jobs run (compute/; docs/compute.md): in this process, or on a Ray cluster."""

    engine: Literal["local", "ray"] = Field(
        default="local", description="local: embedding and many-file ingest run in this process; ray: on the Ray "
        "cluster at compute.ray_address, and so do statements on the daft query engine (pip install 'lakehouse[ray]').")
    ray_address: str | None = Field(
        default=None, description="The Ray cluster: 'host:port' of its head (GCS); this process must run on a node "
        "of the cluster (Ray Data does not run over Ray Client). Its host must be in network.allowed_hosts.")
    ray_batch_size: int = Field(
        default=256, ge=1, le=65_536, description="Texts per map_batches call of an embedder actor.")
    ray_actors: int = Field(
        default=0, ge=0, description="Embedder actors of a build (one per worker); 0: as many as the cluster's "
        "CPUs hold (CPUs / compute.ray_actor_cpus).")
    ray_min_chunks: int = Field(
        default=1000, ge=0, description="An index build or refresh that embeds fewer chunks than this embeds them "
        "in this process instead, without contacting the cluster: a Ray embedding job has a fixed cost of several "
        "seconds (an actor per worker starts and imports the model's libraries). 0: always on Ray.")
    ray_actor_cpus: float = Field(
        default=1.0, gt=0, description="CPUs an embedder actor or an ingest task reserves; the local model runs "
        "that many torch threads.")

    @field_validator("ray_address")
    @classmethod
    def _address(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip()
        if value.startswith("ray://"):
            raise ValueError("compute.ray_address: Ray Data does not run over Ray Client (ray://); run the lakehouse "
                             "on a node of the cluster (ray start --address HEAD:PORT) and give the head's 'host:port'")
        match = _RAY_ADDRESS.fullmatch(value)
        if match is None or not 0 < int(match.group(2)) < 65536:
            raise ValueError(f"compute.ray_address must be 'host:port' (the head's GCS), got {value!r}")
        return value

    @model_validator(mode="after")
    def _needs_address(self) -> ComputeSettings:
        if self.engine == "ray" and self.ray_address is None:
            raise ValueError("compute.engine = 'ray' needs compute.ray_address ('host:port' of the cluster's head)")
        return self


class AgentSettings(BaseModel):
    """The autotune agent (agents/autotune.py): off unless enabled."""

    enabled: bool = False
    wake_seconds: float = Field(default=300.0, gt=0, description="Periodic wake: every index is looked at.")
    max_trials_per_hour: int = Field(default=20, ge=1, description="Per index.")
    max_trials_per_hour_total: int = Field(default=60, ge=1, description="Across all indexes.")
    cooldown_seconds: float = Field(default=30.0, ge=0, description="Pause after a trial of an index.")
    global_cooldown_seconds: float = Field(default=5.0, ge=0, description="Pause after any trial.")
    epsilon: float = Field(default=0.25, ge=0, le=1, description="Share of proposals drawn from the full bounds.")
    m_bounds: tuple[int, int] = (8, 48)
    ef_construction_bounds: tuple[int, int] = (40, 400)
    ef_search_bounds: tuple[int, int] = (10, 512)
    nprobes_bounds: tuple[int, int] = (1, 256)
    refine_factor_bounds: tuple[int, int] = (1, 100)
    promotion_margin: float = Field(default=0.05, ge=0, description="A challenger must be this much faster (QPS).")
    load_pause_p95_ms: float = Field(default=250.0, gt=0, description="Pause while search p95 is above this.")
    trial_time_limit_seconds: float = Field(default=600.0, gt=0)
    recall_confidence: float = Field(
        default=0.95, ge=0.5, lt=1,
        description="A config meets the recall target only if the target holds at this one-sided confidence, "
                    "given the eval set's size (0.5: the point estimate).")

    @property
    def recall_z(self) -> float:
        from statistics import NormalDist

        return NormalDist().inv_cdf(self.recall_confidence)
    eval_sample: int = Field(default=200, ge=10, description="Documents held out per eval set.")
    live_set_size: int = Field(default=500, ge=1, description="Newest logged queries in the live eval set.")
    live_set_minimum: int = Field(default=20, ge=1, description="Fewer logged queries: no live set yet.")
    query_log_sample_rate: float = Field(default=0.2, ge=0, le=1, description="Share of searches logged.")
    query_log_keep: int = Field(default=2000, ge=1, description="Logged queries kept per index (newest).")

    @model_validator(mode="after")
    def _bounds(self) -> AgentSettings:
        for name in ("m_bounds", "ef_construction_bounds", "ef_search_bounds", "nprobes_bounds",
                     "refine_factor_bounds"):
            low, high = getattr(self, name)
            if low < 1 or high < low:
                raise ValueError(f"agent.{name} must be [low, high] with 1 <= low <= high, got [{low}, {high}]")
        return self


class McpSettings(BaseModel):
    """The MCP server for agents (``lakehouse mcp`` over stdio, ``/mcp`` in the HTTP server)."""

    http_enabled: bool = Field(default=True, description="Serve MCP over streamable HTTP at /mcp in `lakehouse serve`.")
    max_rows: int = Field(default=100, ge=1, description="Rows a `sql` tool result holds at most (max_rows caps here).")
    max_chars: int = Field(default=20_000, ge=200, description="Characters of JSON rows a `sql`/`get_document` result "
                           "holds at most; longer results are truncated, and say so.")
    max_k: int = Field(default=50, ge=1, description="Hits a `vector_search` returns at most.")
    rate_limit_per_minute: int = Field(default=120, ge=1,
                                       description="Tool calls per token per minute (per principal in local mode).")
    call_time_limit_seconds: float = Field(default=60.0, gt=0, description="Wall-clock limit of one tool call.")


class UiSettings(BaseModel):
    """The web console (``/ui`` in ``lakehouse serve``; docs/console.md)."""

    enabled: bool = Field(default=True, description="Serve the web console at /ui in `lakehouse serve`.")
    page_rows: int = Field(default=50, ge=1, le=1000, description="Rows per page of a preview or SQL result.")
    list_rows: int = Field(default=100, ge=10, le=5000,
                           description="Entries per page of the datasets list, audit and journal.")


class SharingSettings(BaseModel):
    """Delta Sharing (``/delta-sharing``; docs/sharing.md)."""

    endpoint: str | None = Field(
        default=None, description="Public URL of the Delta Sharing endpoint, written into recipients' profiles and "
        "into the file URLs of local buckets; default http(s)://<server.host>:<server.port>/delta-sharing.")
    url_expiry_seconds: float = Field(
        default=900.0, ge=10, le=3600, description="How long a shared file URL (S3 pre-signed or served here) "
        "works; older snapshot generations are deleted this long after they were replaced.")
    check_cache_seconds: float = Field(
        default=2.0, ge=0, le=60, description="How long a recipient check (bearer token, or a file URL's "
        "recipient and its shares) is kept in a server process; a revocation made through another process "
        "over the same catalog takes effect there within this window (0: check the catalog on every request).")

    @field_validator("endpoint")
    @classmethod
    def _endpoint(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", value.strip()):
            raise ValueError(f"sharing.endpoint must be an http(s) URL, got {value!r}")
        return value.strip().rstrip("/") if value is not None else None


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="LAKEHOUSE_", env_nested_delimiter="__", extra="forbid", validate_default=True
    )

    data_dir: Path = Field(default=Path("lakehouse-data"))
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    storage: StorageSettings = Field(default_factory=StorageSettings)
    catalog: CatalogSettings = Field(default_factory=CatalogSettings)
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    query: QuerySettings = Field(default_factory=QuerySettings)
    server: ServerSettings = Field(default_factory=ServerSettings)
    auth: AuthSettings = Field(default_factory=AuthSettings)
    network: NetworkSettings = Field(default_factory=NetworkSettings)
    governance: GovernanceSettings = Field(default_factory=GovernanceSettings)
    embeddings: EmbeddingsSettings = Field(default_factory=EmbeddingsSettings)
    vectors: VectorsSettings = Field(default_factory=VectorsSettings)
    agent: AgentSettings = Field(default_factory=AgentSettings)
    mcp: McpSettings = Field(default_factory=McpSettings)
    ui: UiSettings = Field(default_factory=UiSettings)
    models: ModelsSettings = Field(default_factory=ModelsSettings)
    sharing: SharingSettings = Field(default_factory=SharingSettings)
    compute: ComputeSettings = Field(default_factory=ComputeSettings)

    @field_validator("data_dir")
    @classmethod
    def _absolute(cls, value: Path) -> Path:
        return value.expanduser().resolve()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        config_file = _config_file.get()
        if config_file is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=config_file))
        return tuple(sources)

    # Derived locations --------------------------------------------------------------------------
    @property
    def catalog_url(self) -> str:
        return self.catalog.url or f"sqlite:///{self.data_dir / 'catalog.db'}"

    @property
    def primary_root(self) -> Path:
        return (self.storage.primary_root or self.data_dir / "buckets" / "primary").resolve()

    @property
    def rescue_root(self) -> Path:
        return (self.storage.rescue_root or self.data_dir / "buckets" / "rescue").resolve()

    @property
    def allowed_bucket_roots(self) -> list[Path]:
        """Where local bucket roots may lie: the data directory and ``storage.allowed_roots``, resolved."""
        profiles = [self.storage.profile_root.resolve()] if self.storage.profile_root else []
        return [self.data_dir, *(p.resolve() for p in self.storage.allowed_roots), *profiles]

    @property
    def models_url(self) -> str:
        """The GPU slot's model server: ``models.url``, else the Ollama embedder's server."""
        return (self.models.url or self.embeddings.ollama.url).rstrip("/")

    @property
    def watch_path(self) -> Path:
        return (self.ingest.watch.path or self.data_dir / "dropbox").resolve()


def load_settings(config: Path | str | None = None, **overrides: Any) -> Settings:
    """Build settings from the layered sources. ``config`` defaults to ./lakehouse.toml if present."""
    path = Path(config) if config is not None else None
    if path is None:
        env_path = os.environ.get("LAKEHOUSE_CONFIG")
        if env_path:
            path = Path(env_path)
        elif Path("lakehouse.toml").is_file():
            path = Path("lakehouse.toml")
    if path is not None and not path.is_file():
        raise InvalidInput(f"Config file {path} does not exist.", hint="Pass --config with an existing file.")
    token = _config_file.set(path)
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    finally:
        _config_file.reset(token)


def resolve_secret(reference: str) -> str:
    """Resolve ``env:LAKEHOUSE_SECRET_*`` to its value. Clear values are refused on purpose."""
    if not reference.startswith("env:"):
        raise InvalidInput(
            "Secrets must be given as a reference 'env:LAKEHOUSE_SECRET_<NAME>', not in clear.",
            hint=f"export {SECRET_ENV_PREFIX}MY_PASSWORD=... and pass 'env:{SECRET_ENV_PREFIX}MY_PASSWORD'.",
        )
    name = reference[4:]
    if not name.startswith(SECRET_ENV_PREFIX):
        raise InvalidInput(
            f"Secret reference '{reference}' must name an environment variable starting {SECRET_ENV_PREFIX}.",
        )
    value = os.environ.get(name)
    if value is None:
        raise InvalidInput(f"Environment variable {name} (a secret reference) is not set.")
    return value
