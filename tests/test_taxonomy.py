from eventcoder import taxonomy


def test_every_name_the_rules_use_is_in_the_data_file():
    assert taxonomy.check() == []


def test_sub_types_know_their_event_type():
    assert taxonomy.event_type_of()[taxonomy.MOB_VIOLENCE] == taxonomy.RIOTS
    assert len(taxonomy.event_type_of()) == 25


def test_the_sub_type_decides_the_disorder_type_where_acled_says_so():
    assert taxonomy.disorder_type(taxonomy.RIOTS, taxonomy.VIOLENT_DEMONSTRATION) == "Demonstrations"
    assert taxonomy.disorder_type(taxonomy.RIOTS, taxonomy.MOB_VIOLENCE) == "Political violence"
    assert taxonomy.disorder_type(None, None) is None


def test_categories_run_in_interaction_code_order():
    assert taxonomy.categories()[0] == taxonomy.STATE_FORCES
    assert taxonomy.categories()[-1] == taxonomy.EXTERNAL_FORCES
    assert taxonomy.category_group("crowd") == {taxonomy.PROTESTERS, taxonomy.RIOTERS}
