"""The role table of DESIGN.md 6b and the 404/403 rule, in one place.

| role   | read                          | write data       | define views     | tombstone, purge | admin work |
| admin  | all, incl. __raw__*           | yes              | yes              | yes              | yes        |
| writer | granted datasets/views/indexes| granted datasets | on granted data  | no               | no         |
| reader | granted datasets/views/indexes| no               | no               | no               | no         |
| agent  | granted views/indexes only    | no               | no               | no               | no         |

An object the actor may not read answers 404 (it does not learn the object exists); an action on an
object it may read, or an action its role never has, answers 403.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from lakehouse.errors import Forbidden, NotFound
from lakehouse.governance.grants import Grants
from lakehouse.types import Actor, Role

if TYPE_CHECKING:
    from sqlalchemy import Connection


def _no_dataset(name: str) -> NotFound:
    return NotFound(f"Dataset '{name}' does not exist.", hint="List datasets with GET /catalog/datasets.")


def _no_view(name: str) -> NotFound:
    return NotFound(f"View '{name}' does not exist.", hint="List views with GET /catalog/views.")


class Access:
    def __init__(self, grants: Grants, dataset_exists: Callable[[str], bool]):
        self._grants = grants
        self._exists = dataset_exists

    # Reading --------------------------------------------------------------------------------
    def readable_datasets(self, actor: Actor, names: Iterable[str], connection: Connection | None = None) -> set[str]:
        if actor.is_admin:
            return set(names)
        if actor.role is Role.agent:
            return set()
        return set(names) & self._grants.objects(actor, "dataset", connection)

    def can_read_dataset(self, actor: Actor, name: str) -> bool:
        return bool(self.readable_datasets(actor, [name]))

    def readable_views(self, actor: Actor, owners: dict[str, str], connection: Connection | None = None) -> set[str]:
        """``owners`` maps view name -> owner; a writer reads the views it defined."""
        if actor.is_admin:
            return set(owners)
        granted = self._grants.objects(actor, "view", connection)
        if actor.profile is not None:  # a profile's scope is its bindings, not what its principal owns
            return set(owners) & granted
        return {v for v, owner in owners.items() if v in granted or owner == actor.name}

    def require_read_dataset(self, actor: Actor, name: str) -> None:
        if not self.can_read_dataset(actor, name) or not self._exists(name):
            raise _no_dataset(name)

    def require_read_view(self, actor: Actor, name: str, owner: str | None) -> None:
        if owner is None or not self.readable_views(actor, {name: owner}):
            raise _no_view(name)

    # Acting ---------------------------------------------------------------------------------
    def require_admin(self, actor: Actor, action: str) -> None:
        if not actor.is_admin:
            raise Forbidden(f"Only an admin may {action}; '{actor.name}' is a {actor.role.value}.")

    def require_role(self, actor: Actor, roles: Iterable[Role], action: str) -> None:
        if actor.role not in set(roles):
            raise Forbidden(f"A {actor.role.value} may not {action}.")

    def require_write_dataset(self, actor: Actor, name: str, exists: bool, action: str = "write") -> None:
        """Writers need a grant on the dataset (an existing one or a name granted before it exists)."""
        if exists and not self.can_read_dataset(actor, name):
            raise _no_dataset(name)
        if actor.is_admin:
            return
        if actor.role is not Role.writer or name not in self._grants.objects(actor, "dataset"):
            raise Forbidden(f"'{actor.name}' ({actor.role.value}) may not {action} dataset '{name}'.",
                            hint="An admin grants writers datasets with 'lakehouse grants add'.")

    def require_admin_on_dataset(self, actor: Actor, name: str, action: str) -> None:
        """Tombstones, purge, delete: 404 for what it cannot see, else 403 unless admin."""
        self.require_read_dataset(actor, name)
        self.require_admin(actor, f"{action} dataset '{name}'")

    def require_view_owner(self, actor: Actor, name: str, owner: str) -> None:
        self.require_read_view(actor, name, owner)
        if not actor.is_admin and not (actor.role is Role.writer and owner == actor.name):
            raise Forbidden(f"'{actor.name}' may not change view '{name}'.")
