"""Knowledge-base rows for living things: animals and plants.

Each group is ``(category, kind, group defaults, rows)``; a row reads
``name | synonyms | attribute=value ...`` and overrides the category's and the group's defaults;
an indented line without ``|`` continues the row above.
"""

CATEGORY_DEFAULTS = {
    "animal": "alive=yes man_made=no edible=no electric=no setting=outdoors wings=no flies=no "
    "water=no pet=no dangerous=no wheels=no era=natural use=none sweet=no soft=no rideable=no "
    "material=organic pattern=plain",
    "plant": "alive=yes man_made=no edible=no electric=no setting=outdoors legs=0 wings=no "
    "flies=no water=no pet=no dangerous=no wheels=no diet=none covering=none pattern=plain "
    "era=natural use=none sweet=no soft=no rideable=no material=organic",
}

GROUPS = (
    (
        "animal",
        "mammal",
        "legs=4 covering=fur diet=herbivore soft=yes",
        """
        dog | puppy, hound, doggy | size=medium colour=varies habitat=home setting=both pet=yes
            diet=omnivore pattern=varies
        cat | kitten, kitty, house cat | size=medium colour=varies habitat=home setting=both pet=yes
            diet=carnivore pattern=varies
        horse | stallion, mare, pony | size=large colour=brown habitat=farm rideable=yes
            use=transport
        donkey | burro | size=large colour=grey habitat=farm rideable=yes use=transport
        cow | cattle, ox, bull | size=large colour=black+white habitat=farm edible=maybe
            pattern=spots
        pig | hog, swine, piglet | size=large colour=pink habitat=farm edible=maybe diet=omnivore
            soft=no
        sheep | lamb, ewe, ram | size=medium colour=white habitat=farm edible=maybe
        goat | billy goat | size=medium colour=white habitat=mountains edible=maybe
        rabbit | bunny, hare | size=medium colour=varies habitat=garden pet=yes setting=both
        hamster | | size=small colour=brown habitat=home setting=indoors pet=yes diet=omnivore
        guinea pig | cavy | size=small colour=varies habitat=home setting=indoors pet=yes
            pattern=spots
        mouse | mice, field mouse | size=small colour=grey habitat=home setting=both pet=maybe
            diet=omnivore
        rat | | size=small colour=grey habitat=city setting=both pet=maybe diet=omnivore
            dangerous=maybe soft=no
        squirrel | | size=small colour=grey habitat=forest
        hedgehog | | size=small colour=brown habitat=garden diet=carnivore covering=spines soft=no
        porcupine | | size=medium colour=brown habitat=forest covering=spines soft=no
            dangerous=maybe
        bat | | size=small colour=black habitat=forest legs=2 wings=yes flies=yes diet=carnivore
        mole | | size=small colour=black habitat=garden diet=carnivore
        fox | | size=medium colour=orange habitat=forest diet=omnivore
        wolf | | size=medium colour=grey habitat=forest diet=carnivore dangerous=yes
        bear | brown bear, grizzly bear, grizzly | size=large colour=brown habitat=forest
            diet=omnivore dangerous=yes
        polar bear | | size=large colour=white habitat=polar diet=carnivore dangerous=yes
            water=maybe
        panda | giant panda | size=large colour=black+white habitat=mountains
        koala | koala bear | size=medium colour=grey habitat=forest
        kangaroo | | size=large colour=brown habitat=savanna legs=2
        lion | lioness | size=large colour=yellow habitat=savanna diet=carnivore dangerous=yes
        tiger | | size=large colour=orange habitat=jungle diet=carnivore dangerous=yes
            pattern=stripes
        leopard | | size=medium colour=yellow habitat=savanna diet=carnivore dangerous=yes
            pattern=spots
        cheetah | | size=medium colour=yellow habitat=savanna diet=carnivore dangerous=yes
            pattern=spots
        jaguar | | size=medium colour=yellow habitat=jungle diet=carnivore dangerous=yes
            pattern=spots
        elephant | | size=very_large colour=grey habitat=savanna covering=skin soft=no rideable=yes
        giraffe | | size=very_large colour=yellow+brown habitat=savanna pattern=spots
        zebra | | size=large colour=black+white habitat=savanna pattern=stripes
        hippopotamus | hippo | size=very_large colour=grey habitat=freshwater water=maybe
            dangerous=yes covering=skin soft=no
        rhinoceros | rhino | size=very_large colour=grey habitat=savanna dangerous=yes covering=skin
            soft=no
        camel | dromedary | size=large colour=brown habitat=desert rideable=yes use=transport
        gorilla | | size=large colour=black habitat=jungle legs=2 dangerous=maybe
        chimpanzee | chimp | size=medium colour=black habitat=jungle legs=2 diet=omnivore
        monkey | | size=medium colour=brown habitat=jungle legs=2 diet=omnivore
        orangutan | | size=large colour=orange habitat=jungle legs=2 diet=omnivore
        sloth | | size=medium colour=brown habitat=jungle
        deer | stag, doe, fawn | size=large colour=brown habitat=forest pattern=spots
        moose | | size=very_large colour=brown habitat=forest
        reindeer | caribou | size=large colour=brown habitat=polar rideable=maybe
        raccoon | | size=medium colour=grey habitat=city diet=omnivore pattern=stripes
        skunk | | size=medium colour=black+white habitat=forest diet=omnivore pattern=stripes
        beaver | | size=medium colour=brown habitat=freshwater water=maybe
        otter | sea otter | size=medium colour=brown habitat=freshwater water=yes diet=carnivore
        seal | sea lion | size=large colour=grey habitat=ocean water=yes diet=carnivore legs=0
        walrus | | size=large colour=brown habitat=polar water=yes diet=carnivore legs=0
            covering=skin soft=no
        dolphin | porpoise | size=large colour=grey habitat=ocean water=yes legs=0 covering=skin
            soft=no diet=carnivore
        whale | blue whale | size=huge colour=blue habitat=ocean water=yes legs=0 covering=skin
            soft=no diet=carnivore
        bison | buffalo | size=large colour=brown habitat=countryside
        llama | alpaca | size=large colour=white habitat=mountains
        armadillo | | size=medium colour=grey habitat=desert covering=shell soft=no diet=carnivore
        anteater | | size=medium colour=brown habitat=jungle diet=carnivore
        platypus | | size=medium colour=brown habitat=freshwater water=yes diet=carnivore
        hyena | | size=medium colour=brown habitat=savanna diet=carnivore dangerous=yes
            pattern=spots
        badger | | size=medium colour=black+white habitat=forest diet=omnivore pattern=stripes
        ferret | | size=small colour=white habitat=home setting=both pet=yes diet=carnivore
        """,
    ),
    (
        "animal",
        "bird",
        "legs=2 wings=yes flies=yes covering=feathers diet=omnivore soft=yes",
        """
        chicken | hen, rooster, chick | size=medium colour=white habitat=farm edible=maybe flies=no
        duck | duckling, mallard | size=medium colour=brown habitat=freshwater water=yes
            edible=maybe
        goose | | size=medium colour=white habitat=farm water=maybe edible=maybe
        turkey | | size=medium colour=brown habitat=farm edible=maybe flies=no
        swan | | size=medium colour=white habitat=freshwater water=yes diet=herbivore
        pigeon | dove | size=small colour=grey habitat=city
        sparrow | | size=small colour=brown habitat=city
        robin | | size=small colour=brown+red habitat=garden
        crow | | size=small colour=black habitat=city
        raven | | size=medium colour=black habitat=mountains
        eagle | bald eagle | size=medium colour=brown habitat=mountains diet=carnivore
            dangerous=maybe
        hawk | falcon | size=medium colour=brown habitat=forest diet=carnivore
        owl | | size=medium colour=brown habitat=forest diet=carnivore
        parrot | macaw | size=medium colour=green+red habitat=jungle pet=yes setting=both
        budgie | budgerigar, parakeet | size=small colour=green+yellow habitat=home setting=indoors
            pet=yes diet=herbivore
        canary | | size=small colour=yellow habitat=home setting=indoors pet=yes diet=herbivore
        penguin | | size=medium colour=black+white habitat=polar flies=no water=yes diet=carnivore
        ostrich | | size=large colour=black+white habitat=savanna flies=no dangerous=maybe
        emu | | size=large colour=brown habitat=savanna flies=no
        flamingo | | size=medium colour=pink habitat=freshwater water=maybe
        peacock | peafowl, peahen | size=medium colour=blue+green habitat=forest pattern=spots
        hummingbird | | size=tiny colour=green habitat=garden diet=herbivore
        woodpecker | | size=small colour=black+red habitat=forest
        seagull | gull | size=medium colour=white+grey habitat=ocean water=maybe
        pelican | | size=medium colour=white habitat=ocean water=yes diet=carnivore
        vulture | | size=medium colour=black habitat=savanna diet=carnivore
        blue jay | jay | size=small colour=blue habitat=forest
        kingfisher | | size=small colour=blue+orange habitat=freshwater diet=carnivore
        kiwi | kiwi bird | size=small colour=brown habitat=forest flies=no
        stork | | size=medium colour=white habitat=countryside diet=carnivore
        """,
    ),
    (
        "animal",
        "fish",
        "legs=0 water=yes covering=scales diet=carnivore habitat=ocean",
        """
        goldfish | | size=small colour=orange habitat=home setting=indoors pet=yes diet=omnivore
        shark | great white shark | size=very_large colour=grey dangerous=yes
        salmon | | size=medium colour=silver habitat=freshwater edible=maybe
        tuna | | size=large colour=silver edible=maybe
        trout | | size=medium colour=silver habitat=freshwater edible=maybe pattern=spots
        cod | | size=medium colour=grey edible=maybe pattern=spots
        clownfish | | size=small colour=orange+white pattern=stripes diet=omnivore pet=maybe
        swordfish | | size=large colour=grey edible=maybe
        catfish | | size=medium colour=brown habitat=freshwater covering=skin edible=maybe
            diet=omnivore
        eel | | size=medium colour=brown covering=skin edible=maybe
        pufferfish | blowfish | size=small colour=yellow dangerous=yes covering=spines pattern=spots
        seahorse | | size=small colour=yellow covering=skin
        piranha | | size=small colour=silver habitat=freshwater dangerous=yes
        stingray | ray | size=large colour=grey covering=skin dangerous=yes
        sardine | | size=small colour=silver edible=maybe diet=omnivore
        carp | | size=medium colour=brown habitat=freshwater edible=maybe diet=omnivore
        koi | koi carp | size=medium colour=orange+white habitat=garden pet=yes diet=omnivore
            pattern=spots
        barracuda | | size=large colour=silver dangerous=maybe
        """,
    ),
    (
        "animal",
        "reptile",
        "legs=4 covering=scales diet=carnivore",
        """
        snake | serpent | size=medium colour=varies habitat=forest legs=0 dangerous=maybe
            pattern=varies
        cobra | | size=medium colour=brown habitat=jungle legs=0 dangerous=yes
        python | | size=large colour=brown habitat=jungle legs=0 dangerous=yes pattern=spots
        rattlesnake | | size=medium colour=brown habitat=desert legs=0 dangerous=yes pattern=spots
        crocodile | croc | size=large colour=green habitat=freshwater water=maybe dangerous=yes
        alligator | gator | size=large colour=black habitat=freshwater water=maybe dangerous=yes
        turtle | sea turtle | size=medium colour=green habitat=ocean water=yes covering=shell
            diet=omnivore
        tortoise | | size=medium colour=brown habitat=desert covering=shell diet=herbivore pet=maybe
        lizard | | size=small colour=green habitat=desert
        gecko | | size=small colour=green habitat=jungle pet=maybe pattern=spots
        iguana | | size=medium colour=green habitat=jungle diet=herbivore pet=maybe
        chameleon | | size=small colour=varies habitat=jungle
        komodo dragon | komodo | size=large colour=grey habitat=forest dangerous=yes
        """,
    ),
    (
        "animal",
        "amphibian",
        "legs=4 covering=skin water=maybe diet=carnivore habitat=freshwater",
        """
        frog | | size=small colour=green
        toad | | size=small colour=brown habitat=garden
        salamander | | size=small colour=black+yellow habitat=forest pattern=spots
        newt | | size=small colour=orange
        axolotl | | size=small colour=pink water=yes pet=maybe
        """,
    ),
    (
        "animal",
        "insect",
        "legs=6 covering=exoskeleton size=tiny wings=yes flies=yes diet=herbivore habitat=garden",
        """
        ant | | colour=black habitat=everywhere wings=no flies=no diet=omnivore
        bee | honeybee, bumblebee | colour=yellow+black pattern=stripes dangerous=maybe
        wasp | hornet | colour=yellow+black pattern=stripes dangerous=yes diet=carnivore
        butterfly | | size=small colour=varies pattern=varies
        moth | | size=small colour=brown habitat=everywhere setting=both
        housefly | fly, house fly | colour=black habitat=everywhere setting=both diet=omnivore
        mosquito | | colour=grey habitat=everywhere diet=carnivore dangerous=maybe
        ladybug | ladybird | colour=red+black pattern=spots diet=carnivore
        grasshopper | locust | size=small colour=green
        cricket | | colour=brown setting=both
        dragonfly | | size=small colour=blue habitat=freshwater diet=carnivore
        beetle | | colour=black habitat=forest
        cockroach | roach | colour=brown habitat=home setting=both diet=omnivore
        termite | | colour=white habitat=forest wings=no flies=no
        flea | | colour=brown habitat=home wings=no flies=no diet=carnivore dangerous=maybe
        caterpillar | | size=small colour=green legs=many wings=no flies=no
        firefly | lightning bug | colour=black+yellow
        praying mantis | mantis | size=small colour=green diet=carnivore
        """,
    ),
    (
        "animal",
        "arachnid",
        "legs=8 covering=exoskeleton diet=carnivore",
        """
        spider | | size=tiny colour=black habitat=everywhere setting=both dangerous=maybe
        tarantula | | size=small colour=brown habitat=desert dangerous=maybe pet=maybe
        scorpion | | size=small colour=yellow habitat=desert dangerous=yes
        tick | | size=tiny colour=brown habitat=forest dangerous=maybe
        """,
    ),
    (
        "animal",
        "mollusc",
        "legs=0 covering=shell",
        """
        snail | escargot | size=small colour=brown habitat=garden diet=herbivore edible=maybe
        slug | | size=small colour=brown habitat=garden diet=herbivore covering=skin
        octopus | | size=medium colour=red habitat=ocean water=yes legs=8 covering=skin
            diet=carnivore edible=maybe
        squid | calamari | size=medium colour=white habitat=ocean water=yes legs=many covering=skin
            diet=carnivore edible=maybe
        oyster | clam, mussel | size=small colour=grey habitat=ocean water=yes diet=herbivore
            edible=maybe
        """,
    ),
    (
        "animal",
        "crustacean",
        "legs=many covering=shell habitat=ocean diet=omnivore edible=maybe",
        """
        crab | | size=small colour=red water=maybe
        lobster | | size=medium colour=red water=yes
        shrimp | prawn | size=tiny colour=pink water=yes
        """,
    ),
    (
        "animal",
        "invertebrate",
        "legs=0 covering=skin",
        """
        jellyfish | jelly fish | size=medium colour=clear habitat=ocean water=yes dangerous=maybe
            diet=carnivore soft=yes
        starfish | sea star | size=small colour=orange habitat=ocean water=yes diet=carnivore
        earthworm | worm | size=small colour=pink habitat=garden diet=herbivore soft=yes
        centipede | millipede | size=small colour=brown habitat=forest legs=many
            covering=exoskeleton diet=carnivore dangerous=maybe
        """,
    ),
    (
        "plant",
        "tree",
        "size=very_large material=wood habitat=forest colour=green",
        """
        oak | oak tree | colour=green
        pine | pine tree | habitat=mountains
        maple | maple tree | colour=green+red
        palm tree | palm, coconut palm | habitat=jungle
        birch | birch tree | colour=white
        willow | weeping willow | habitat=freshwater
        redwood | sequoia | size=huge colour=brown
        fir | fir tree, spruce | habitat=polar
        baobab | | colour=brown habitat=savanna
        bamboo | | size=large habitat=jungle edible=maybe
        """,
    ),
    (
        "plant",
        "flower",
        "size=small habitat=garden soft=maybe",
        """
        rose | | colour=red dangerous=maybe
        tulip | | colour=varies
        sunflower | | size=large colour=yellow edible=maybe
        daisy | | size=tiny colour=white
        lily | | colour=white
        orchid | | colour=purple habitat=home setting=indoors
        dandelion | | size=tiny colour=yellow edible=maybe
        lavender | | colour=purple
        poppy | | colour=red
        daffodil | narcissus | colour=yellow
        lotus | water lily | colour=pink habitat=freshwater water=yes
        venus flytrap | flytrap | colour=green habitat=freshwater diet=carnivore
        """,
    ),
    (
        "plant",
        "grass",
        "size=small colour=green habitat=garden",
        """
        grass | lawn | size=tiny
        wheat | | size=medium colour=yellow habitat=farm edible=maybe
        """,
    ),
    (
        "plant",
        "cactus",
        "size=medium colour=green habitat=desert dangerous=maybe",
        """
        cactus | cacti | size=medium covering=spines
        aloe vera | aloe | size=small habitat=home setting=both dangerous=no
        """,
    ),
    (
        "plant",
        "shrub",
        "size=medium colour=green habitat=garden",
        """
        holly | | colour=green+red dangerous=maybe
        fern | | habitat=forest
        hedge | bush, shrub | size=large
        """,
    ),
    (
        "plant",
        "vine",
        "size=medium colour=green",
        """
        ivy | | habitat=garden
        poison ivy | | habitat=forest dangerous=yes
        """,
    ),
    (
        "plant",
        "herb",
        "size=small colour=green habitat=garden edible=yes",
        """
        basil | | habitat=kitchen setting=indoors
        mint | peppermint | habitat=garden
        clover | four-leaf clover, shamrock | size=tiny edible=no
        """,
    ),
)
