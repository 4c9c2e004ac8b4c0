import uuid

from backbone.auth.principal import InitiativeRole, Principal

I1, I2 = uuid.uuid4(), uuid.uuid4()


def test_the_strongest_grant_in_an_initiative_wins() -> None:
    p = Principal("u", "t", grants=frozenset({f"initiative:{I1}:viewer",
                                              f"initiative:{I1}:partner",
                                              f"initiative:{I2}:viewer"}))
    assert p.role_in(I1) is InitiativeRole.PARTNER
    assert p.role_in(I2) is InitiativeRole.VIEWER
    assert p.role_in(uuid.uuid4()) is None
    assert p.has_role(I1, InitiativeRole.VIEWER)
    assert not p.has_role(I1, InitiativeRole.BACKBONE)
    assert p.initiative_ids() == {I1, I2}


def test_network_admins_act_as_backbone_everywhere() -> None:
    p = Principal("u", "t", grants=frozenset({"network:admin"}))
    assert p.role_in(uuid.uuid4()) is InitiativeRole.BACKBONE


def test_malformed_grants_grant_nothing() -> None:
    p = Principal("u", "t", grants=frozenset({f"initiative:{I1}:owner", "initiative:x:backbone",
                                              f"initiative:{I1}", "network:viewer"}))
    assert p.role_in(I1) is None
    assert not p.is_network_admin
    assert p.initiative_ids() == {I1}
