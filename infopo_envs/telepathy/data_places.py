"""Knowledge-base rows for buildings and nature (same row layout as ``data_living``)."""

_THING = (
    "alive=no edible=no legs=0 wings=no flies=no pet=no wheels=no diet=none covering=none "
    "sweet=no soft=no rideable=no"
)

CATEGORY_DEFAULTS = {
    "building": f"{_THING} man_made=yes electric=maybe setting=outdoors water=no dangerous=no "
    "pattern=plain material=stone habitat=city size=huge colour=varies",
    "nature": f"{_THING} man_made=no electric=no setting=outdoors water=no dangerous=no "
    "pattern=plain era=natural use=none material=stone size=huge",
}

GROUPS = (
    (
        "building",
        "dwelling",
        "use=living",
        """
        house | cottage, bungalow | size=very_large era=ancient
        castle | palace, fortress | colour=grey era=medieval habitat=countryside electric=no
        tent | | size=large material=fabric era=ancient habitat=forest electric=no soft=yes
            use=sleeping
        igloo | | size=large material=ice colour=white era=medieval habitat=polar electric=no
        hut | cabin, shack | size=large material=wood colour=brown era=ancient habitat=forest
        treehouse | tree house | size=large material=wood colour=brown era=modern habitat=garden
            use=play
        dog house | kennel, doghouse | size=medium material=wood colour=brown era=early_modern
            habitat=garden electric=no
        skyscraper | tower block | material=glass+metal era=modern use=working colour=grey
        apartment building | block of flats, apartment | era=ancient colour=grey
        hotel | motel, inn | era=early_modern use=sleeping
        """,
    ),
    (
        "building",
        "public_building",
        "",
        """
        church | chapel, cathedral | era=medieval use=worship colour=grey
        mosque | | era=medieval use=worship colour=white
        temple | shrine | era=ancient use=worship colour=gold
        school | classroom | era=ancient use=learning colour=red
        hospital | clinic | era=medieval use=health colour=white
        library | | era=ancient use=learning colour=brown
        museum | art gallery, gallery | era=early_modern use=learning colour=white
        stadium | arena | era=ancient use=sport colour=grey
        airport | | era=modern use=transport colour=grey
        train station | railway station, station | era=early_modern use=transport colour=red
        supermarket | grocery store, shop, store | era=modern use=shopping colour=white
        restaurant | cafe, diner | size=very_large era=early_modern use=eating colour=varies
        factory | mill | era=early_modern use=working colour=grey
        barn | stable | size=very_large material=wood colour=red era=medieval habitat=farm
            use=storage
        garage | | size=very_large era=modern habitat=home use=storage colour=white
        greenhouse | glasshouse | size=very_large material=glass colour=clear era=early_modern
            habitat=garden use=gardening
        windmill | | size=very_large material=wood colour=white era=medieval habitat=countryside
            use=working electric=no
        """,
    ),
    (
        "building",
        "monument",
        "electric=no",
        """
        pyramid | pyramids | colour=yellow era=ancient habitat=desert use=none
        statue | sculpture | size=large colour=grey era=ancient use=decoration
        lighthouse | | colour=white+red pattern=stripes era=ancient habitat=ocean use=light
            electric=yes
        """,
    ),
    (
        "building",
        "structure",
        "",
        """
        bridge | | material=stone+metal colour=grey era=ancient use=transport habitat=freshwater
            electric=no
        tunnel | | colour=grey era=ancient use=transport habitat=mountains electric=maybe
        dam | | colour=grey era=ancient use=power habitat=freshwater water=yes electric=maybe
        fountain | water fountain | size=large colour=grey era=ancient use=decoration water=yes
            electric=maybe
        fence | | size=large material=wood colour=brown era=ancient use=protection habitat=garden
            electric=no
        swimming pool | pool | size=very_large material=stone+liquid colour=blue era=ancient
            use=sport water=yes
        """,
    ),
    (
        "nature",
        "landform",
        "",
        """
        mountain | mount, peak | colour=grey habitat=mountains
        volcano | | colour=black habitat=mountains dangerous=yes
        hill | hills | colour=green habitat=countryside
        island | | colour=green habitat=ocean
        beach | seashore, coast | material=sand colour=yellow habitat=ocean
        desert | | material=sand colour=yellow habitat=desert
        cave | cavern | colour=grey habitat=mountains setting=both
        valley | | colour=green habitat=mountains
        canyon | gorge, grand canyon | colour=orange habitat=desert
        glacier | | material=ice colour=white habitat=polar
        forest | woods, woodland, jungle | alive=yes material=wood colour=green habitat=forest
        """,
    ),
    (
        "nature",
        "water_body",
        "material=liquid water=yes colour=blue",
        """
        river | stream, creek | habitat=freshwater
        lake | | habitat=freshwater
        ocean | sea | habitat=ocean dangerous=maybe
        pond | | size=very_large habitat=freshwater colour=green
        waterfall | falls | colour=white habitat=mountains
        swamp | marsh, bog | material=liquid+sand colour=green habitat=freshwater water=maybe
        iceberg | | material=ice colour=white habitat=polar dangerous=maybe
        """,
    ),
    (
        "nature",
        "sky_object",
        "habitat=space",
        """
        sun | | material=gas colour=yellow dangerous=maybe
        moon | | colour=grey
        star | stars | material=gas colour=white
        cloud | clouds | material=gas colour=white habitat=sky
        rainbow | | material=none colour=red+orange+yellow+green+blue+purple habitat=sky
            pattern=stripes
        planet | earth, mars | colour=varies
        """,
    ),
    (
        "nature",
        "mineral",
        "size=tiny",
        """
        rock | stone, pebble, boulder | size=small colour=grey habitat=everywhere
        diamond | gem, gemstone | colour=clear habitat=mountains
        gold | gold nugget | material=metal colour=gold habitat=mountains
        sand | | colour=yellow material=sand habitat=desert
        crystal | quartz | size=small colour=clear habitat=mountains
        """,
    ),
    (
        "nature",
        "phenomenon",
        "",
        """
        lightning | lightning bolt, thunderbolt | material=none colour=white habitat=sky
            electric=yes dangerous=yes
        tornado | twister, hurricane | material=gas colour=grey habitat=sky dangerous=yes
        fire | flame, flames | size=medium material=gas colour=orange habitat=everywhere
            dangerous=yes setting=both
        snowflake | snow | material=ice colour=white habitat=sky size=tiny
        icicle | | size=small material=ice colour=clear habitat=polar
        """,
    ),
)
