"""Knowledge-base rows for food and drink (same row layout as ``data_living``)."""

CATEGORY_DEFAULTS = {
    "food": "alive=no man_made=yes edible=yes electric=no setting=indoors legs=0 wings=no "
    "flies=no water=no pet=no dangerous=no wheels=no diet=none covering=none pattern=plain "
    "use=eating sweet=no soft=maybe rideable=no material=organic habitat=kitchen size=small",
    "drink": "alive=no man_made=yes edible=no electric=no setting=indoors legs=0 wings=no "
    "flies=no water=no pet=no dangerous=no wheels=no diet=none covering=none pattern=plain "
    "use=drinking sweet=no soft=maybe rideable=no material=liquid habitat=kitchen size=small",
}

GROUPS = (
    (
        "food",
        "fruit",
        "man_made=no era=natural sweet=yes",
        """
        apple | | colour=red soft=no
        banana | | colour=yellow soft=yes
        orange | mandarin, tangerine | colour=orange soft=no
        lemon | | colour=yellow sweet=no soft=no
        lime | | colour=green sweet=no soft=no
        strawberry | | size=tiny colour=red soft=yes pattern=spots
        cherry | | size=tiny colour=red soft=yes
        grape | grapes | size=tiny colour=purple soft=yes
        watermelon | | size=medium colour=green soft=no pattern=stripes
        pineapple | | size=medium colour=yellow+brown soft=no
        mango | | colour=orange soft=yes
        peach | nectarine | colour=orange+pink soft=yes
        pear | | colour=green soft=no
        plum | prune | colour=purple soft=yes
        kiwi fruit | kiwifruit | colour=brown soft=yes
        coconut | | size=medium colour=brown soft=no
        blueberry | blueberries | size=tiny colour=blue soft=yes
        raspberry | raspberries | size=tiny colour=red soft=yes pattern=spots
        avocado | | colour=green sweet=no soft=yes
        pomegranate | | colour=red soft=no
        apricot | | colour=orange soft=yes pattern=spots
        fig | | colour=purple soft=yes
        papaya | | size=medium colour=orange soft=yes
        grapefruit | | colour=yellow+pink sweet=maybe soft=no
        melon | cantaloupe, honeydew | size=medium colour=yellow soft=no
        """,
    ),
    (
        "food",
        "vegetable",
        "man_made=no era=natural",
        """
        carrot | | colour=orange soft=no
        potato | | colour=brown soft=no
        tomato | | colour=red soft=yes
        onion | | colour=white soft=no
        garlic | | colour=white soft=no
        broccoli | | colour=green soft=no
        cabbage | | size=medium colour=green soft=no
        lettuce | | size=medium colour=green soft=yes
        cucumber | | colour=green soft=no
        bell pepper | pepper, capsicum | colour=varies soft=no sweet=maybe
        corn | maize, sweetcorn, corn on the cob | colour=yellow soft=no sweet=maybe
        peas | pea, green peas | size=tiny colour=green soft=yes
        pumpkin | squash | size=medium colour=orange soft=no
        mushroom | | colour=white soft=yes
        spinach | | colour=green soft=yes
        eggplant | aubergine | colour=purple soft=no
        beetroot | beet | colour=purple soft=no sweet=maybe
        radish | | size=tiny colour=red soft=no
        zucchini | courgette | colour=green soft=no pattern=stripes
        chili pepper | chili, chilli | colour=red soft=no dangerous=maybe
        sweet potato | yam | colour=orange soft=no sweet=yes
        asparagus | | colour=green soft=no
        cauliflower | | size=medium colour=white soft=no
        green beans | green bean, string beans | size=tiny colour=green soft=no
        """,
    ),
    (
        "food",
        "nut",
        "man_made=no era=natural size=tiny colour=brown soft=no",
        """
        peanut | peanuts, groundnut | habitat=kitchen dangerous=maybe
        walnut | walnuts | habitat=kitchen
        almond | almonds | habitat=kitchen sweet=maybe
        chestnut | chestnuts, conker | size=small habitat=forest
        """,
    ),
    (
        "food",
        "grain",
        "size=tiny colour=white soft=no",
        """
        rice | | man_made=no era=natural
        oats | oatmeal, porridge | colour=brown era=ancient soft=yes
        """,
    ),
    (
        "food",
        "dish",
        "size=medium soft=maybe",
        """
        pizza | | colour=red+yellow era=early_modern
        hamburger | burger, cheeseburger | size=small colour=brown era=modern
        hot dog | hotdog | size=small colour=brown era=early_modern
        sandwich | sub | size=small colour=varies era=early_modern
        spaghetti | pasta, noodles | colour=yellow era=medieval
        sushi | | size=small colour=white era=medieval
        soup | broth | colour=varies era=ancient material=liquid
        salad | | colour=green era=ancient
        taco | tacos, burrito | size=small colour=yellow era=early_modern
        curry | | colour=orange era=ancient
        french fries | fries | size=small colour=yellow era=early_modern
        omelette | omelet | size=small colour=yellow era=early_modern
        pancake | pancakes, crepe | colour=brown era=ancient sweet=maybe
        lasagna | lasagne | colour=red era=medieval
        dumpling | dumplings | size=small colour=white era=ancient
        """,
    ),
    (
        "food",
        "baked_good",
        "size=small colour=brown soft=yes",
        """
        bread | loaf, toast | size=medium era=ancient
        cake | birthday cake | size=medium colour=varies era=ancient sweet=yes
        cookie | biscuit | era=medieval sweet=yes soft=no
        croissant | | era=early_modern
        muffin | cupcake | era=early_modern sweet=yes
        donut | doughnut | era=early_modern sweet=yes
        pie | tart | size=medium era=ancient sweet=maybe
        bagel | | era=early_modern
        pretzel | | era=medieval soft=no
        waffle | waffles | colour=yellow era=medieval sweet=yes
        """,
    ),
    (
        "food",
        "dessert",
        "sweet=yes",
        """
        ice cream | gelato | colour=white era=early_modern soft=yes
        chocolate | chocolate bar | colour=brown era=early_modern soft=no
        candy | sweets, toffee | size=tiny colour=varies era=early_modern soft=no
        lollipop | lolly | colour=varies era=early_modern soft=no
        marshmallow | | size=tiny colour=white era=early_modern soft=yes
        jelly | jello | colour=red era=early_modern soft=yes
        pudding | custard | colour=yellow era=medieval soft=yes
        """,
    ),
    (
        "food",
        "dairy",
        "era=ancient",
        """
        cheese | | colour=yellow soft=maybe
        butter | | colour=yellow soft=yes
        yogurt | yoghurt | colour=white soft=yes
        """,
    ),
    (
        "food",
        "meat",
        "era=ancient soft=no",
        """
        steak | beef | size=small colour=red
        bacon | | size=small colour=red+white pattern=stripes era=medieval
        sausage | sausages | colour=brown
        ham | | colour=pink
        chicken nugget | nuggets, chicken nuggets | size=tiny colour=yellow era=modern
        """,
    ),
    (
        "food",
        "egg",
        "man_made=no era=natural",
        """
        egg | eggs | colour=white soft=no
        """,
    ),
    (
        "food",
        "condiment",
        "size=small",
        """
        ketchup | tomato sauce | colour=red era=early_modern sweet=maybe material=liquid
        mustard | | colour=yellow era=ancient material=liquid
        honey | | colour=gold man_made=no era=natural sweet=yes material=liquid
        jam | jelly preserve, marmalade | colour=red era=ancient sweet=yes
        mayonnaise | mayo | colour=white era=early_modern
        sugar | | size=tiny colour=white era=ancient sweet=yes soft=no
        salt | | size=tiny colour=white man_made=no era=natural soft=no material=stone
        """,
    ),
    (
        "food",
        "snack",
        "size=tiny soft=no",
        """
        popcorn | | colour=white era=ancient
        potato chips | crisps, chips | colour=yellow era=early_modern
        crackers | cracker | colour=yellow era=early_modern
        """,
    ),
    (
        "drink",
        "hot_drink",
        "colour=brown",
        """
        coffee | espresso, latte | era=medieval
        tea | | era=ancient
        hot chocolate | cocoa | era=early_modern sweet=yes
        """,
    ),
    (
        "drink",
        "soft_drink",
        "sweet=yes",
        """
        lemonade | | colour=yellow era=early_modern
        cola | coke, soda, pop | colour=brown era=early_modern
        """,
    ),
    (
        "drink",
        "alcoholic_drink",
        "dangerous=maybe",
        """
        wine | red wine | colour=red era=ancient
        beer | lager, ale | colour=yellow era=ancient
        champagne | | colour=yellow era=early_modern
        whisky | whiskey | colour=brown era=medieval
        """,
    ),
    (
        "drink",
        "juice",
        "sweet=yes era=modern",
        """
        orange juice | oj | colour=orange
        apple juice | | colour=yellow
        smoothie | | colour=varies era=recent
        """,
    ),
    (
        "drink",
        "plain_drink",
        "man_made=no era=natural",
        """
        water | drinking water, mineral water | colour=clear
        """,
    ),
    (
        "drink",
        "milk_drink",
        "colour=white",
        """
        milk | | man_made=no era=natural
        milkshake | shake | era=modern sweet=yes
        """,
    ),
)
