"""The phrases the question parser understands, each mapped to the predicate it asks about.

Patterns are regular expressions over the normalized question (lower case, single spaces,
apostrophes dropped); they match whole words. When patterns overlap, the parser keeps the
longest match, so "musical instrument" beats "instrument" and "eat meat" beats "eat".
"""

from __future__ import annotations

from infopo_envs.telepathy.predicates import (
    AllOf,
    AnyOf,
    Colourful,
    Flag,
    Legs,
    Not,
    SizeAbove,
    Test,
    is_,
)

#: Sizes of everyday references on the 1..6 scale (between two classes where the class
#: definitions put them: a person is bigger than every ``medium`` thing).
SIZE_REFERENCES = {
    "coin": 1.5,
    "fingernail": 1.5,
    "hand": 2.5,
    "fist": 2.5,
    "palm": 2.5,
    "breadbox": 3.0,
    "bread box": 3.0,
    "shoebox": 3.0,
    "shoe box": 3.0,
    "person": 3.5,
    "human": 3.5,
    "man": 3.5,
    "woman": 3.5,
    "adult": 3.5,
    "me": 3.5,
    "you": 3.5,
    "car": 4.5,
    "building": 5.5,
}

_HOME = AnyOf((is_("habitat", "home", "kitchen"), is_("setting", "indoors")))
_SKY = AnyOf((is_("habitat", "sky", "space"), Flag("flies")))
_EATER = is_("diet", "carnivore", "herbivore", "omnivore")

CATEGORY_PHRASES: list[tuple[str, Test]] = [
    (r"animals?|creatures?|beasts?|critters?", is_("category", "animal")),
    (r"plants?", is_("category", "plant")),
    (r"foods?|foodstuffs?|something (?:you|to|people) eat", is_("category", "food")),
    (
        r"drinks?|beverages?|drinkable|(?:you|people|we|i) (?:can |could )?drink(?: it)?",
        is_("category", "drink"),
    ),
    (r"vehicles?|means of transport|modes? of transport", is_("category", "vehicle")),
    (r"tools?|implements?", is_("category", "tool")),
    (r"(?:musical )?instruments?", is_("category", "instrument")),
    (r"furniture|pieces? of furniture", is_("category", "furniture")),
    (
        r"cloth(?:ing|es)|apparel|outfits?|items? of clothing|wear(?:s|able)?|worn",
        is_("category", "clothing"),
    ),
    (r"electronics?|electronic (?:devices?|gadgets?)|devices?", is_("category", "electronics")),
    (r"machines?", AnyOf((is_("category", "electronics", "vehicle"), is_("kind", "power_tool")))),
    (
        r"kitchenware|kitchen (?:utensils?|tools?|items?|things?|equipment)",
        is_("category", "kitchenware"),
    ),
    (r"sports? (?:equipment|gear|items?)|sporting goods", is_("category", "sports")),
    (r"buildings?|structures?|architecture", is_("category", "building")),
    (
        r"(?:part of|found in|something in) nature|natural (?:features?|phenomen(?:on|a)|things?)",
        is_("category", "nature"),
    ),
    (r"household (?:items?|objects?|things?|goods)", is_("category", "household")),
    (r"toys?|playthings?", is_("category", "toy")),
    (r"places?|locations?", is_("kind", "landform", "water_body", "dwelling", "public_building")),
    (
        r"an? (?:person|human|human being|man|woman|child|celebrity)|someone|famous people"
        r"|famous person|fictional|imaginary|a character",
        is_("category", "person"),
    ),
]

KIND_PHRASES: list[tuple[str, Test]] = [
    (r"mammals?", is_("kind", "mammal")),
    (r"birds?", is_("kind", "bird")),
    (r"fish(?:es)?", is_("kind", "fish")),
    (r"reptiles?", is_("kind", "reptile")),
    (r"amphibians?", is_("kind", "amphibian")),
    (r"insects?|bugs?", is_("kind", "insect")),
    (r"arachnids?", is_("kind", "arachnid")),
    (r"mollus[ck]s?", is_("kind", "mollusc")),
    (r"crustaceans?", is_("kind", "crustacean")),
    (
        r"invertebrates?",
        is_("kind", "insect", "arachnid", "mollusc", "crustacean", "invertebrate"),
    ),
    (r"vertebrates?", is_("kind", "mammal", "bird", "fish", "reptile", "amphibian")),
    (r"trees?", is_("kind", "tree")),
    (r"flowers?|flowering|blossoms?", is_("kind", "flower")),
    (r"grass(?:es)?|cereal crops?", is_("kind", "grass")),
    (r"cact(?:us|i|uses)|succulents?", is_("kind", "cactus")),
    (r"shrubs?|bush(?:es)?", is_("kind", "shrub")),
    (r"vines?|climbing plants?|climbers?", is_("kind", "vine")),
    (r"herbs?", is_("kind", "herb")),
    (r"fruits?", is_("kind", "fruit")),
    (r"vegetables?|veg|veggies?", is_("kind", "vegetable")),
    (r"nuts?", is_("kind", "nut")),
    (r"grains?|cereals?", is_("kind", "grain")),
    (r"dish(?:es)?|meals?|cooked food|prepared food", is_("kind", "dish")),
    (r"baked goods?|baked|pastr(?:y|ies)|bakery", is_("kind", "baked_good")),
    (r"desserts?|sweets|treats?|confectionery", is_("kind", "dessert")),
    (r"dairy|dairy products?", is_("kind", "dairy")),
    (r"made (?:from|with|of) milk", is_("kind", "dairy", "milk_drink")),
    (r"meats?", is_("kind", "meat")),
    (r"condiments?|sauces?|spreads?|seasonings?|toppings?", is_("kind", "condiment")),
    (r"snacks?|snack foods?", is_("kind", "snack")),
    (r"hot (?:drinks?|beverages?)|served hot", is_("kind", "hot_drink")),
    (r"soft drinks?|sodas?|fizzy(?: drinks?)?|carbonated", is_("kind", "soft_drink")),
    (r"alcohol(?:ic)?(?: drinks?)?|booze|contains? alcohol", is_("kind", "alcoholic_drink")),
    (r"juices?", is_("kind", "juice")),
    (r"milky|milk drinks?", is_("kind", "milk_drink")),
    (r"land vehicles?|road vehicles?|drive on (?:the )?roads?", is_("kind", "land_vehicle")),
    (r"watercraft|boats?|ships?|vessels?", is_("kind", "watercraft")),
    (r"aircraft|aeroplanes?|airplanes?|planes?", is_("kind", "aircraft")),
    (r"hand ?tools?", is_("kind", "hand_tool")),
    (r"power tools?|electric tools?", is_("kind", "power_tool")),
    (r"garden(?:ing)? (?:tools?|equipment)", is_("kind", "garden_tool")),
    (
        r"string(?:ed)? instruments?|strings|plucked|bowed|has strings",
        is_("kind", "string_instrument"),
    ),
    (
        r"wind instruments?|brass|woodwinds?|blow (?:into|in|on|through)(?: it)?|blown",
        is_("kind", "wind_instrument"),
    ),
    (r"percussion|percussive|(?:hit|strike|bang|shake) it", is_("kind", "percussion")),
    (r"keyboard instruments?", is_("kind", "keyboard_instrument")),
    (r"tables?", is_("kind", "table")),
    (r"beds?", is_("kind", "bed")),
    (r"storage furniture|cupboards?|cabinets?", is_("kind", "storage_furniture")),
    (r"garments?", is_("kind", "garment")),
    (
        r"footwear|shoes?|worn on (?:the|your) feet|on (?:your|the) feet",
        is_("kind", "footwear"),
    ),
    (r"headwear|hats?|worn on (?:the|your) head|on (?:your|the) head", is_("kind", "headwear")),
    (r"accessor(?:y|ies)", is_("kind", "accessory")),
    (r"jewell?e?ry|jewels?", is_("kind", "jewellery")),
    (r"gadgets?", is_("kind", "gadget")),
    (r"computers?|computer (?:equipment|hardware|accessor(?:y|ies))", is_("kind", "computer")),
    (r"audio|video|sound system|hi ?fi|media player", is_("kind", "audio_video")),
    (r"(?:household |home |kitchen )?appliances?", is_("kind", "appliance")),
    (r"utensils?|cutlery|silverware", is_("kind", "utensil")),
    (r"cookware|pots and pans|pans?", is_("kind", "cookware")),
    (r"tableware|crockery|dinnerware|dishware", is_("kind", "tableware")),
    (r"containers?", is_("kind", "container", "storage_item")),
    (r"balls?", is_("kind", "ball")),
    (r"dwellings?", is_("kind", "dwelling")),
    (r"public (?:buildings?|places?)", is_("kind", "public_building")),
    (r"monuments?|landmarks?|memorials?", is_("kind", "monument")),
    (r"landforms?|land features?|geographic(?:al)? features?|terrain", is_("kind", "landform")),
    (r"bod(?:y|ies) of water|waterways?", is_("kind", "water_body")),
    (r"minerals?|gems?(?:tones?)?|crystals?", is_("kind", "mineral")),
    (r"weather|phenomen(?:on|a)|natural events?", is_("kind", "phenomenon")),
    (
        r"stationery|office (?:supplies|supply|items?|equipment)|school supplies",
        is_("kind", "stationery"),
    ),
    (r"bathroom", is_("kind", "bathroom")),
    (r"decor|ornaments?", is_("kind", "decor")),
    (r"bedding|bed linen", is_("kind", "bedding")),
    (r"games?|board games?", is_("kind", "game")),
]

PROPERTY_PHRASES: list[tuple[str, Test]] = [
    # life and origin
    (
        r"alive|living(?: thing| being| creature| organism)?|life ?forms?|organisms?"
        r"|breathes?|breathing|biological",
        Flag("alive"),
    ),
    (r"dead|inanimate|non ?living|nonliving", Not(Flag("alive"))),
    (
        r"man-?made|man made|human-?made|human made|made by (?:humans|people|man|a person|someone)"
        r"|artificial|manufactured|synthetic|invented|an invention|handmade",
        Flag("man_made"),
    ),
    (r"natural|naturally occurring|(?:found|occurs?) in nature", Not(Flag("man_made"))),
    # eating
    (
        r"edible|eatable|eaten|eat (?:it|them)|(?:you|we|people|humans|i) (?:can |could )?eat"
        r"|tast(?:y|es? good)|delicious",
        Flag("edible"),
    ),
    (r"eats?|eating things|needs? food", _EATER),
    (
        r"carnivor(?:e|es|ous)|predators?|hunts?|hunting|meat ?eaters?",
        is_("diet", "carnivore"),
    ),
    (
        r"eats? (?:meat|other animals|animals|flesh|fish|insects|bugs|prey|mice)",
        is_("diet", "carnivore", "omnivore"),
    ),
    (r"herbivor(?:e|es|ous)|plant ?eaters?|vegetarian|vegan", is_("diet", "herbivore")),
    (
        r"eats? (?:plants|grass|leaves|vegetables|fruit|seeds|nuts|nectar)",
        is_("diet", "herbivore", "omnivore"),
    ),
    (r"omnivor(?:e|es|ous)|eats? (?:everything|anything|both)", is_("diet", "omnivore")),
    (r"sweet|sugary|tastes? sweet", Flag("sweet")),
    (r"savou?ry", AllOf((is_("category", "food"), Not(Flag("sweet"))))),
    # technology
    (
        r"electric(?:al|ity)?|electronic|batter(?:y|ies)|plugs? in|plugged in|needs? power"
        r"|powered|uses? power|runs? on power|charg(?:e|ed|ing)|switch(?: it)? on|turn(?: it)? on",
        Flag("electric"),
    ),
    (r"wheels?|wheeled", Flag("wheels")),
    (
        r"ride|ridden|riding|rideable|drive(?: it)?|driven|steer(?: it)?|pilot(?: it)?",
        Flag("rideable"),
    ),
    # where it is found
    (r"indoors?|inside", is_("setting", "indoors")),
    (r"outdoors?|outside|open air", is_("setting", "outdoors")),
    (
        r"(?:in|at|around) (?:an? |the |your |my |peoples? )?(?:house|home|household)s?"
        r"|at home|living room|bedroom",
        _HOME,
    ),
    (r"kitchens?", is_("habitat", "kitchen")),
    (r"offices?|workplaces?|at work", is_("habitat", "office")),
    (r"workshops?|garages?|sheds?", is_("habitat", "workshop")),
    (r"farms?|farmyards?|barnyards?|ranch(?:es)?|farm animals?", is_("habitat", "farm")),
    (r"countryside|rural|fields?|meadows?", is_("habitat", "countryside", "farm")),
    (r"gardens?|yards?|back ?yards?|lawns?|parks?", is_("habitat", "garden")),
    (r"forests?|woods|woodlands?", is_("habitat", "forest")),
    (r"jungles?|rain ?forests?|tropic(?:s|al)(?: forests?)?", is_("habitat", "jungle")),
    (r"savann?ah?s?|grasslands?|plains|prairies?", is_("habitat", "savanna")),
    (r"deserts?|arid", is_("habitat", "desert")),
    (r"oceans?|seas?|marine|salt ?water|beach(?:es)?|coasts?|seaside", is_("habitat", "ocean")),
    (
        r"rivers?|lakes?|ponds?|fresh ?water|streams?|swamps?|wetlands?",
        is_("habitat", "freshwater"),
    ),
    (
        r"polar|arctic|antarctic(?:a)?|north pole|south pole|cold (?:places?|climates?|regions?)"
        r"|snowy",
        is_("habitat", "polar"),
    ),
    (r"mountains?|mountainous|hills?|highlands?", is_("habitat", "mountains")),
    (r"cit(?:y|ies)|towns?|urban|streets?|roads?", is_("habitat", "city")),
    (
        r"sports? fields?|stadiums?|courts?|gyms?|pitch(?:es)?|playing fields?",
        is_("habitat", "sports_field"),
    ),
    (r"(?:outer )?space|celestial|astronomical|universe", is_("habitat", "space")),
    (r"sky|in the air|airborne", _SKY),
    (r"everywhere|all over the world|anywhere", is_("habitat", "everywhere")),
    # body and movement
    (
        r"swims?|swimming|in (?:the )?water|aquatic|under ?water|on (?:the )?water|float(?:s|ing)?"
        r"|water",
        Flag("water"),
    ),
    (r"fly|flies|flying|glides?|soars?", Flag("flies")),
    (r"wings?|winged", Flag("wings")),
    (r"legs?", Not(Legs("eq", 0))),
    (r"walks?|walking", AllOf((Flag("alive"), Not(Legs("eq", 0))))),
    (r"pets?|companion animals?|domestic animals?", Flag("pet")),
    (r"domesticated|tame", AnyOf((Flag("pet"), is_("habitat", "farm")))),
    (
        r"dangerous|danger|deadly|harmful|harm (?:you|people|humans)|hurt (?:you|people|humans)"
        r"|kill (?:you|people|humans)|venomous|poisonous|toxic|bites?|stings?",
        Flag("dangerous"),
    ),
    (r"safe|harmless", Not(Flag("dangerous"))),
    (r"fur|furry|hair|hairy", is_("covering", "fur")),
    (r"feathers?|feathered", is_("covering", "feathers")),
    (r"scales|scaly", is_("covering", "scales")),
    (r"shells?|shelled", is_("covering", "shell")),
    (r"slimy|smooth skin(?:ned)?", is_("covering", "skin")),
    (r"exoskeleton", is_("covering", "exoskeleton")),
    (r"spines|spiny|spiky|prickly|quills|spikes", is_("covering", "spines")),
    (r"spots?|spotted|spotty|dots|dotted", is_("pattern", "spots")),
    (r"stripes?|striped|stripy", is_("pattern", "stripes")),
    (r"patterned|a pattern", is_("pattern", "spots", "stripes")),
    (r"soft|squishy|fluffy|cuddly|squeezable", Flag("soft")),
    (r"hard|solid|rigid|firm", Not(Flag("soft"))),
    # size words (comparisons with a reference are parsed separately)
    (r"big|large", SizeAbove(3.5)),
    (r"huge|giant|enormous|massive|gigantic", SizeAbove(4.5)),
    (r"small|little", Not(SizeAbove(2.5))),
    (r"tiny|microscopic|very small", Not(SizeAbove(1.5))),
    (r"heavy", SizeAbove(3.0)),
    (r"lightweight", Not(SizeAbove(3.0))),
    (
        r"fits? in (?:your |a |one |my )?(?:hand|palm)|hold(?: it)? in (?:your |one |a |my )?hand"
        r"|hand ?held",
        Not(SizeAbove(2.5)),
    ),
    (r"fits? in (?:your |a |my )?pocket|pocket ?sized?", Not(SizeAbove(2.0))),
    (r"carry(?: it)?|lift(?: it)?|pick(?: it)? up|portable", Not(SizeAbove(3.5))),
    # when
    (r"ancient", is_("era", "ancient")),
    (r"medieval|middle ages", is_("era", "medieval")),
    (r"modern|new|recent(?:ly)?|high ?tech|contemporary", is_("era", "modern", "recent")),
    # colour and material
    (r"red|reddish", is_("colour", "red")),
    (r"orange", is_("colour", "orange")),
    (r"yellow", is_("colour", "yellow")),
    (r"green", is_("colour", "green")),
    (r"blue", is_("colour", "blue")),
    (r"purple|violet", is_("colour", "purple")),
    (r"pink", is_("colour", "pink")),
    (r"brown", is_("colour", "brown")),
    (r"black", is_("colour", "black")),
    (r"white", is_("colour", "white")),
    (r"gr[ae]y", is_("colour", "grey")),
    (r"silver", is_("colour", "silver")),
    (r"gold(?:en)?", is_("colour", "gold")),
    (r"clear|transparent|see ?through|colou?rless", is_("colour", "clear")),
    (r"colou?rful|multi ?colou?red|many colou?rs", Colourful()),
    (r"wood(?:en)?|timber", is_("material", "wood")),
    (r"metal(?:lic)?|steel|iron|alumin(?:i)?um", is_("material", "metal")),
    (r"plastic", is_("material", "plastic")),
    (r"glass", is_("material", "glass")),
    (r"fabric|cloth|textiles?|cotton|wool(?:len)?|silk", is_("material", "fabric")),
    (r"paper|cardboard", is_("material", "paper")),
    (r"stone|rock|rocky|concrete|brick", is_("material", "stone")),
    (r"ceramic|porcelain|clay|pottery", is_("material", "ceramic")),
    (r"rubber|rubbery", is_("material", "rubber")),
    (r"leather", is_("material", "leather")),
    (r"liquids?|fluids?|pour(?:able)?", is_("material", "liquid")),
    (r"ice|icy|frozen", is_("material", "ice")),
    (r"gas(?:es)?|gaseous|vapou?r", is_("material", "gas")),
    (r"sand|sandy", is_("material", "sand")),
    (r"wax|waxy", is_("material", "wax")),
    (r"organic|flesh|living tissue", is_("material", "organic")),
]

#: Phrases about what a thing is for -> the ``use`` values they accept (space-separated).
USE_PHRASES: list[tuple[str, str]] = [
    (
        r"transport(?:ation|s)?|travel(?:ling)?|carry (?:people|passengers|goods)"
        r"|get (?:around|from place to place)",
        "transport",
    ),
    (r"cook(?:ing|ed|s)?|bak(?:e|ing)|fry(?:ing)?|prepare food|food preparation", "cooking"),
    (r"(?:for|to) eat(?:ing)?(?: with)?|eat with|eating", "eating"),
    (r"drinking|drink (?:from|out of)(?: it)?", "drinking"),
    (r"music(?:al)?|play music|make music|songs?|melod(?:y|ies)", "music"),
    (r"sports?|athletic|exercise|workouts?|fitness", "sport"),
    (r"writ(?:e|ing|ten)|draw(?:ing)?", "writing"),
    (r"art|artistic|paint(?:ing)?|crafts?", "art"),
    (r"clean(?:ing|s)?|wash(?:ing)?|dust(?:ing)?|tidy", "cleaning"),
    (
        r"communicat\w*|talk to (?:people|someone)|call (?:people|someone)|send messages?|news",
        "communication",
    ),
    (r"entertain\w*|fun|leisure|amuse\w*", "entertainment play"),
    (r"sit(?:ting)?(?: on| in)?(?: it)?|seats?|seating", "sitting"),
    (r"sleep(?:ing)?(?: on| in)?(?: it)?", "sleeping"),
    (r"stor(?:e|age|ing)(?: things)?|keep things|hold things|put things in", "storage"),
    (r"lights?|lighting|light up|illuminat\w*|glow(?:s|ing)?|shines?|bright", "light"),
    (r"tell(?:s|ing)? (?:the )?time|time ?keeping|keeps? time|measures? time|clocks?", "time"),
    (r"gardening|grow(?:ing)? plants", "gardening"),
    (r"decorat(?:e|ion|ions|ive)", "decoration"),
    (
        r"construction|build(?:ing)? things|carpentry|diy|repairs?|fix(?:ing)? things",
        "construction",
    ),
    (r"comput(?:e|ing|ation)|calculat(?:e|ion|ing|ions)|internet|software", "computing"),
    (r"cut(?:ting|s)?|slic(?:e|ing)|chop(?:ping)?|sharp|blades?", "cutting"),
    (r"fasten\w*|attach\w*|stick things|join things|hold things together|tighten", "fastening"),
    (r"measur\w*", "measuring"),
    (r"play(?:ing)?(?: with)?(?: it)?|playtime", "play sport entertainment"),
    (
        r"live in it|living in it|(?:people|you|humans) (?:can )?live in(?: it)?|somewhere to live"
        r"|homes? for (?:people|humans)",
        "living",
    ),
    (r"worship|pray(?:ing)?|religio(?:n|us)|holy|sacred", "worship"),
    (r"learn(?:ing)?|educat\w*|study(?:ing)?|read(?:ing)?|knowledge|teach(?:ing)?", "learning"),
    (r"working|jobs?|labou?r|industr\w*", "working"),
    (r"shop(?:ping)?|buy(?:ing)? things|purchas\w*|retail|sells? things", "shopping"),
    (
        r"hygien\w*|groom\w*|brush(?:ing)? (?:your )?(?:teeth|hair)|personal care|toiletr(?:y|ies)"
        r"|bath(?:e|ing)|showers?|wash yourself",
        "hygiene",
    ),
    (r"cool(?:ing|s)?(?: down)?|air conditioning", "cooling"),
    (r"secur\w*|lock(?:s|ing)? things|keeps? things safe", "security"),
    (r"protect(?:ion|s|ive)?|shelter|keeps? you (?:safe|dry)", "protection"),
    (r"money|currency|cash|pay(?:ing)? for|payments?", "money"),
    (r"power(?:s)? things|generat(?:e|es|ing) (?:power|electricity)|energy", "power"),
    (r"photo(?:graph)?s?|photography|take pictures", "photography"),
    (r"health|medic(?:al|ine)|sick|heal(?:ing)?|doctors?", "health"),
]


def static_phrases() -> list[tuple[str, Test]]:
    """Every fixed phrase with its predicate (numbers, letters, years and names are parsed
    separately)."""
    use = [(pattern, is_("use", *values.split())) for pattern, values in USE_PHRASES]
    return [*CATEGORY_PHRASES, *KIND_PHRASES, *PROPERTY_PHRASES, *use]
