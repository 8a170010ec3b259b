"""The MCP server: tools, resources and a prompt over one ``Lakehouse``, each call as its caller.

The caller is the token's principal: on stdio the token given at start (``LAKEHOUSE_TOKEN``), re-checked on every
call so a revoked token stops at once; over HTTP the Bearer token the ASGI guard (http.py) authenticated for that
very request. In ``auth.mode = "local"`` both run as the process's own actor, as the CLI does."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import anyio.to_thread
from mcp.server.mcpserver import Context, MCPServer
from mcp.shared.exceptions import MCPError
from mcp_types import INVALID_PARAMS, CallToolResult, InputRequiredResult, ToolAnnotations
from pydantic import Field, ValidationError

from lakehouse import __version__
from lakehouse.errors import LakehouseError
from lakehouse.mcp_server import tools
from lakehouse.mcp_server.envelope import dumps, envelope
from lakehouse.mcp_server.guard import RateLimiter, error_for, run_limited, schema_error
from lakehouse.mcp_server.texts import GOVERNANCE_PROMPT, INSTRUCTIONS, describe

if TYPE_CHECKING:
    from lakehouse.app import Lakehouse
    from lakehouse.app.answers import AnswerScope
    from lakehouse.types import Actor

ACTOR_KEY = "lakehouse_actor"  # where the HTTP guard leaves the authenticated actor in the ASGI scope's state
READ_ONLY = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)


class LakehouseMcp(MCPServer):
    def __init__(self, lakehouse: Lakehouse, token: str | None = None):
        super().__init__(name="lakehouse", version=__version__, instructions=INSTRUCTIONS, log_level="WARNING")
        self.lakehouse = lakehouse
        self._token = token
        self._limiter = RateLimiter(lakehouse.settings.mcp.rate_limit_per_minute)
        _register(self)

    # Strict arguments: unknown tools and ill-typed arguments are MCP errors that carry the schema ----------------
    async def call_tool(self, name: str, arguments: dict[str, Any],
                        context: Context[Any, Any] | None = None) -> CallToolResult | InputRequiredResult:
        tool = self._tool_manager.get_tool(name)
        if tool is None:
            known = sorted(t.name for t in self._tool_manager.list_tools())
            await self._audit_refusal(name[:64], context, "unknown_tool", 404)
            raise MCPError(INVALID_PARAMS, f"Unknown tool '{name}'.",
                           {"code": "unknown_tool", "hint": f"Tools: {', '.join(known)}.", "http_status": 404,
                            "tools": known})
        allowed = set(tool.parameters.get("properties", {}))
        problems = [{"field": key, "problem": "not an argument of this tool"}
                    for key in arguments if key not in allowed]
        try:
            tool.fn_metadata.validate_arguments(dict(arguments))
        except ValidationError as exc:
            problems += [{"field": ".".join(str(p) for p in err["loc"]) or "(arguments)", "problem": err["msg"]}
                         for err in exc.errors()]
        if problems:
            await self._audit_refusal(name, context, "invalid_arguments", 422)
            raise schema_error(name, tool.parameters, problems)
        return await super().call_tool(name, arguments, context)

    async def _audit_refusal(self, tool: str, ctx: Context[Any, Any] | None, code: str, status: int) -> None:
        lh = self.lakehouse

        def record() -> None:
            actor = _http_actor(ctx)
            if actor is None and (ctx is None or _request(ctx) is None):
                try:
                    actor = lh.answers.principal(self._token)
                except LakehouseError:
                    actor = None
            lh.answers.refused(tool, actor, code, status)

        await anyio.to_thread.run_sync(record)

    # One call: who, rate, time limit, audit, provenance, envelope -------------------------------------------------
    async def governed_call(self, tool: str, ctx: Context[Any, Any] | None,
                            work: Callable[[Actor, AnswerScope], dict[str, Any]], *objects: str) -> dict[str, Any]:
        lh = self.lakehouse
        known = _http_actor(ctx)
        token = self._token if ctx is None or _request(ctx) is None else _bearer(ctx)
        answer: list[str] = []

        def call() -> dict[str, Any]:
            actor = known or lh.answers.principal(token)
            with lh.answers.call(tool, actor, *objects) as scope:
                answer.append(scope.answer_id)
                self._limiter.check(actor.name, _budget_key(token, actor))
                return work(actor, scope)

        try:
            return await run_limited(call, lh.settings.mcp.call_time_limit_seconds)
        except Exception as exc:  # every failure leaves as an MCP error, never a traceback
            raise error_for(exc, answer[0] if answer else None) from None

    async def tool_result(self, tool: str, ctx: Context[Any, Any] | None,
                          work: Callable[[Actor, AnswerScope], dict[str, Any]], *objects: str) -> CallToolResult:
        return envelope(tool, await self.governed_call(tool, ctx, work, *objects))


def _request(ctx: Context[Any, Any]) -> Any:
    try:
        return ctx.request_context.request
    except ValueError:
        return None


def _http_actor(ctx: Context[Any, Any] | None) -> Actor | None:
    request = _request(ctx) if ctx is not None else None
    if request is None:
        return None
    state = request.scope.get("state") or {}
    return state.get(ACTOR_KEY) if isinstance(state, dict) else getattr(state, ACTOR_KEY, None)


def _bearer(ctx: Context[Any, Any]) -> str | None:
    scheme, _, token = (ctx.headers or {}).get("authorization", "").partition(" ")
    return token if scheme.lower() == "bearer" else None


Index = Annotated[str, Field(min_length=1, max_length=200, description="An index name from list_indexes.")]


def _register(server: LakehouseMcp) -> None:
    lh = server.lakehouse
    caps = lh.settings.mcp

    @server.tool(description=describe("list_datasets", caps), annotations=READ_ONLY, structured_output=False)
    async def list_datasets(ctx: Context) -> CallToolResult:
        return await server.tool_result("list_datasets", ctx, lambda a, s: tools.list_datasets(lh, a, s))

    @server.tool(description=describe("describe_dataset", caps), annotations=READ_ONLY, structured_output=False)
    async def describe_dataset(name: Annotated[str, Field(min_length=1, max_length=200)],
                               ctx: Context) -> CallToolResult:
        return await server.tool_result("describe_dataset", ctx, lambda a, s: tools.describe_dataset(lh, a, s, name),
                                        name)

    @server.tool(description=describe("sql", caps), annotations=READ_ONLY, structured_output=False)
    async def sql(query: Annotated[str, Field(min_length=1, description="One read-only SELECT statement.")],
                  ctx: Context,
                  params: Annotated[dict[str, Any] | None, Field(description="Values bound to $name "
                                                                 "placeholders (never spliced).")] = None,
                  max_rows: Annotated[int | None, Field(ge=1, description="Rows wanted; capped at "
                                                        "mcp.max_rows.")] = None) -> CallToolResult:
        return await server.tool_result("sql", ctx, lambda a, s: tools.sql(lh, a, s, query, params, max_rows))

    @server.tool(description=describe("vector_search", caps), annotations=READ_ONLY, structured_output=False)
    async def vector_search(index: Index, ctx: Context,
                            query: Annotated[str | None, Field(min_length=1, description="Text to search for.")] = None,
                            vector: Annotated[list[float] | None, Field(min_length=1, description="A query vector "
                                                                      "of the index's dimension.")] = None,
                            k: Annotated[int, Field(ge=1, description="Documents wanted; capped at mcp.max_k.")] = 10,
                            filter: Annotated[str | None, Field(description="A SQL predicate on the index's source "
                                                                "columns.")] = None) -> CallToolResult:
        return await server.tool_result(
            "vector_search", ctx, lambda a, s: tools.vector_search(lh, a, s, index, query, vector, k, filter), index)

    @server.tool(description=describe("get_document", caps), annotations=READ_ONLY, structured_output=False)
    async def get_document(index: Index, doc_id: str | int, ctx: Context) -> CallToolResult:
        return await server.tool_result("get_document", ctx,
                                        lambda a, s: tools.get_document(lh, a, s, index, doc_id), index)

    @server.tool(description=describe("list_indexes", caps), annotations=READ_ONLY, structured_output=False)
    async def list_indexes(ctx: Context) -> CallToolResult:
        return await server.tool_result("list_indexes", ctx, lambda a, s: tools.list_indexes(lh, a, s))

    @server.resource("lakehouse://datasets/{name}/schema", mime_type="application/json",
                     description="A dataset's or view's columns, types and PII flags, as the caller sees it.")
    async def dataset_schema(name: str, ctx: Context) -> str:
        payload = await server.governed_call("schema", ctx, lambda a, s: tools.schema_resource(lh, a, s, name),
                                             name)
        return dumps(payload)

    @server.resource("lakehouse://answers/{answer_id}", mime_type="application/json",
                     description="The provenance of an earlier tool result, by its provenance.answer_id.")
    async def answer(answer_id: str, ctx: Context) -> str:
        payload = await server.governed_call("answer", ctx, lambda a, s: lh.answers.get(answer_id, a), answer_id)
        return json.dumps(payload)

    @server.prompt(name="governance", description="How this lakehouse governs what an agent sees, and how to cite.")
    def governance() -> str:
        return GOVERNANCE_PROMPT


def _budget_key(token: str | None, actor: Actor) -> str:
    """The rate limit is per token (two agents with tokens of one principal do not share a budget); in local mode,
    with no token, per principal. A digest, so no token is kept in clear in memory longer than the call."""
    if not token:
        return f"principal:{actor.name}"
    import hashlib

    return "token:" + hashlib.sha256(token.strip().encode()).hexdigest()[:24]
