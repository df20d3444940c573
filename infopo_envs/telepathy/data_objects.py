"""Knowledge-base rows for made things (same row layout as ``data_living``)."""

_OBJECT = (
    "alive=no man_made=yes edible=no legs=0 wings=no flies=no water=no pet=no wheels=no "
    "diet=none covering=none pattern=plain sweet=no rideable=no"
)

CATEGORY_DEFAULTS = {
    "vehicle": f"{_OBJECT} electric=no setting=outdoors dangerous=maybe wheels=yes era=modern "
    "use=transport soft=no rideable=yes material=metal habitat=city colour=varies",
    "tool": f"{_OBJECT} electric=no setting=both dangerous=no soft=no material=metal+wood "
    "habitat=workshop size=small colour=varies use=construction",
    "instrument": f"{_OBJECT} electric=no setting=indoors dangerous=no soft=no use=music "
    "material=wood habitat=home size=medium",
    "furniture": f"{_OBJECT} electric=no setting=indoors legs=4 dangerous=no soft=no "
    "material=wood habitat=home size=large colour=varies",
    "clothing": f"{_OBJECT} electric=no setting=both dangerous=no soft=yes material=fabric "
    "habitat=home use=wearing colour=varies",
    "electronics": f"{_OBJECT} electric=yes setting=indoors dangerous=no soft=no "
    "material=plastic+metal habitat=home era=modern colour=black",
    "kitchenware": f"{_OBJECT} electric=no setting=indoors dangerous=no soft=no material=metal "
    "habitat=kitchen era=ancient colour=silver size=small",
    "sports": f"{_OBJECT} electric=no setting=outdoors dangerous=no soft=no use=sport "
    "habitat=sports_field era=early_modern colour=varies",
    "household": f"{_OBJECT} electric=no setting=indoors dangerous=no soft=no habitat=home "
    "size=small colour=varies",
    "toy": f"{_OBJECT} electric=no setting=both dangerous=no soft=no use=play habitat=home "
    "material=plastic size=small colour=varies",
}

GROUPS = (
    (
        "vehicle",
        "land_vehicle",
        "",
        """
        car | automobile | size=large electric=maybe
        bus | coach | size=very_large
        truck | lorry | size=very_large
        taxi | cab | size=large colour=yellow
        bicycle | bike, cycle | size=medium era=early_modern dangerous=no
        motorcycle | motorbike | size=large
        scooter | moped | size=medium
        train | locomotive | size=huge electric=maybe era=early_modern
        tram | streetcar, trolley | size=huge electric=yes era=early_modern
        ambulance | | size=very_large colour=white
        fire truck | fire engine | size=very_large colour=red
        police car | | size=large colour=black+white
        tractor | | size=large colour=green habitat=farm
        bulldozer | digger, excavator | size=very_large colour=yellow
        sled | sledge, sleigh, toboggan | size=medium wheels=no habitat=polar era=ancient
            material=wood
        van | minivan | size=large colour=white
        limousine | limo | size=very_large colour=black
        carriage | horse carriage, stagecoach | size=large era=ancient material=wood colour=black
        tank | army tank | size=very_large colour=green dangerous=yes habitat=desert
        """,
    ),
    (
        "vehicle",
        "watercraft",
        "water=yes wheels=no habitat=ocean",
        """
        boat | | size=large era=ancient colour=white
        ship | | size=huge era=ancient colour=grey
        sailboat | yacht, sailing boat | size=large era=ancient colour=white material=wood+fabric
        canoe | | size=large habitat=freshwater era=ancient material=wood dangerous=no
        kayak | | size=large habitat=freshwater era=ancient material=plastic dangerous=no
        submarine | | size=huge era=early_modern colour=black electric=yes
        cruise ship | cruise liner, ocean liner | size=huge colour=white
        raft | | size=large era=ancient material=wood dangerous=no habitat=freshwater
        jet ski | jetski | size=large era=modern
        ferry | | size=huge era=early_modern colour=white
        """,
    ),
    (
        "vehicle",
        "aircraft",
        "flies=yes wings=yes habitat=sky",
        """
        airplane | plane, aeroplane, jet, airliner | size=huge colour=white
        helicopter | chopper | size=very_large wings=no
        hot air balloon | | size=huge wings=no wheels=no era=early_modern material=fabric
        rocket | spaceship, spacecraft | size=huge wings=no wheels=no habitat=space colour=white
            dangerous=yes
        glider | | size=very_large era=early_modern colour=white
        blimp | airship, zeppelin | size=huge wings=no era=early_modern colour=silver
            material=fabric
        """,
    ),
    (
        "tool",
        "hand_tool",
        "",
        """
        hammer | mallet | size=medium era=ancient dangerous=maybe
        screwdriver | | material=metal+plastic era=early_modern use=fastening
        wrench | spanner | material=metal colour=silver era=early_modern use=fastening
        saw | handsaw | size=medium colour=silver era=ancient use=cutting dangerous=yes
        pliers | | material=metal colour=silver era=ancient use=fastening
        axe | hatchet | size=medium era=ancient use=cutting dangerous=yes habitat=forest
            setting=outdoors
        ladder | stepladder | size=large material=metal colour=silver era=ancient
        tape measure | measuring tape | material=metal+plastic colour=yellow era=early_modern
            use=measuring
        nail | nails | size=tiny material=metal colour=silver era=ancient use=fastening
            dangerous=maybe
        screw | screws | size=tiny material=metal colour=silver era=medieval use=fastening
        toolbox | tool box | size=medium material=metal colour=red era=early_modern use=storage
        paintbrush | paint brush | material=wood era=ancient use=art
        crowbar | | size=medium material=metal colour=black era=early_modern dangerous=maybe
        pickaxe | pick | size=medium era=ancient dangerous=yes habitat=mountains setting=outdoors
        scissors | shears | material=metal colour=silver era=ancient use=cutting dangerous=maybe
            habitat=office
        sewing needle | needle | size=tiny material=metal colour=silver era=ancient use=fastening
            dangerous=maybe habitat=home
        """,
    ),
    (
        "tool",
        "power_tool",
        "electric=yes era=modern material=metal+plastic dangerous=yes size=medium",
        """
        drill | power drill | dangerous=maybe
        chainsaw | | electric=maybe use=cutting habitat=forest setting=outdoors colour=orange
        """,
    ),
    (
        "tool",
        "garden_tool",
        "habitat=garden setting=outdoors size=medium use=gardening",
        """
        shovel | spade | era=ancient
        rake | | era=ancient
        lawn mower | mower, lawnmower | era=early_modern electric=maybe wheels=yes dangerous=yes
            material=metal colour=red
        wheelbarrow | barrow | era=ancient wheels=yes material=metal colour=green
        watering can | | era=early_modern material=plastic colour=green
        hose | garden hose | size=large era=early_modern material=rubber colour=green
        """,
    ),
    (
        "instrument",
        "string_instrument",
        "colour=brown",
        """
        guitar | acoustic guitar | era=early_modern
        violin | fiddle | era=early_modern
        cello | | size=large era=early_modern
        double bass | contrabass, upright bass | size=large era=early_modern colour=black
        harp | | size=large era=ancient colour=gold
        banjo | | era=early_modern material=wood+metal
        ukulele | uke | era=early_modern colour=yellow
        electric guitar | | electric=yes era=modern colour=red
        """,
    ),
    (
        "instrument",
        "wind_instrument",
        "material=metal colour=gold",
        """
        flute | | era=ancient colour=silver
        trumpet | | era=ancient
        saxophone | sax | era=early_modern
        clarinet | | era=early_modern colour=black material=wood
        trombone | | size=large era=medieval
        tuba | | size=large era=early_modern
        harmonica | mouth organ | size=small era=early_modern colour=silver
        recorder | | era=medieval colour=white material=plastic
        bagpipes | bagpipe | era=medieval colour=varies material=fabric+wood
        whistle | | size=small era=ancient colour=silver setting=both
        """,
    ),
    (
        "instrument",
        "percussion",
        "",
        """
        drum | drums, drum kit | colour=varies era=ancient material=wood+plastic
        xylophone | glockenspiel | colour=varies era=ancient
        tambourine | | colour=brown era=ancient material=wood+metal
        triangle | | size=small colour=silver era=medieval material=metal
        cymbal | cymbals | colour=gold era=ancient material=metal
        maracas | maraca | size=small colour=varies era=ancient
        """,
    ),
    (
        "instrument",
        "keyboard_instrument",
        "",
        """
        piano | grand piano | size=large colour=black era=early_modern
        organ | pipe organ | size=very_large colour=gold era=medieval material=metal+wood
        accordion | | colour=red era=early_modern material=wood+fabric
        synthesizer | synth, electronic keyboard | colour=black era=modern electric=yes
            material=plastic
        """,
    ),
    (
        "furniture",
        "seating",
        "use=sitting",
        """
        chair | | size=medium era=ancient
        armchair | easy chair | era=early_modern soft=yes material=fabric
        sofa | couch, settee | era=early_modern soft=yes material=fabric legs=0
        stool | | size=medium legs=3 era=ancient
        bench | | era=ancient setting=both habitat=garden
        rocking chair | rocker | size=medium era=early_modern
        beanbag | bean bag | size=medium legs=0 soft=yes material=fabric era=modern
        throne | | colour=gold era=ancient habitat=city
        """,
    ),
    (
        "furniture",
        "table",
        "",
        """
        table | dining table, kitchen table | era=ancient use=eating
        desk | writing desk | habitat=office era=medieval use=working
        workbench | work bench | habitat=workshop era=medieval use=working colour=brown
        """,
    ),
    (
        "furniture",
        "bed",
        "use=sleeping soft=yes material=wood+fabric",
        """
        bed | | era=ancient
        bunk bed | bunk beds | era=modern
        crib | cot, cradle | size=medium era=early_modern
        hammock | | legs=0 material=fabric setting=outdoors habitat=garden era=ancient
        """,
    ),
    (
        "furniture",
        "storage_furniture",
        "use=storage legs=0",
        """
        wardrobe | closet, armoire | era=medieval colour=brown
        bookshelf | bookcase, shelf, shelves | era=medieval colour=brown
        dresser | chest of drawers | legs=4 era=early_modern colour=brown
        cupboard | cabinet | habitat=kitchen era=medieval colour=white
        nightstand | bedside table | size=medium legs=4 era=early_modern colour=brown
        chest | trunk, treasure chest | size=medium era=ancient colour=brown
        """,
    ),
    (
        "clothing",
        "garment",
        "size=medium",
        """
        shirt | blouse | era=medieval
        t-shirt | tee shirt, tshirt, tee | era=modern
        sweater | jumper, pullover, cardigan | era=early_modern
        hoodie | hooded sweatshirt, sweatshirt | era=modern
        dress | gown | era=ancient
        skirt | | era=ancient
        trousers | pants, slacks | era=ancient
        jeans | | era=early_modern colour=blue
        shorts | | era=modern
        jacket | blazer | era=medieval
        coat | overcoat | era=medieval setting=outdoors
        raincoat | mac | era=early_modern colour=yellow material=plastic setting=outdoors soft=no
        pyjamas | pajamas, pjs, nightgown | era=early_modern setting=indoors
        swimsuit | bathing suit, swimming costume, bikini | size=small era=modern water=yes
            setting=outdoors
        underwear | underpants, knickers, boxers | size=small era=ancient
        """,
    ),
    (
        "clothing",
        "footwear",
        "size=small era=ancient soft=no material=leather",
        """
        shoes | shoe | colour=black
        boots | boot | size=medium colour=brown
        sandals | sandal, flip-flops, flip flops | setting=outdoors colour=brown
        slippers | slipper | setting=indoors soft=yes material=fabric era=early_modern
        sneakers | sneaker, trainers, running shoes | material=fabric+rubber soft=maybe era=modern
            colour=white
        high heels | heels, stilettos | era=early_modern colour=red
        socks | sock | soft=yes material=fabric
        """,
    ),
    (
        "clothing",
        "headwear",
        "size=small",
        """
        hat | | era=ancient
        cap | baseball cap | era=early_modern
        helmet | hard hat | era=ancient soft=no material=plastic use=protection
        crown | tiara | era=ancient soft=no material=metal colour=gold
        """,
    ),
    (
        "clothing",
        "accessory",
        "size=small",
        """
        scarf | | size=medium era=ancient
        gloves | glove, mittens, mitten | era=ancient
        tie | necktie, bow tie | era=early_modern
        belt | | size=medium era=ancient soft=no material=leather colour=brown
        glasses | spectacles, eyeglasses | era=medieval soft=no material=glass+metal colour=clear
        sunglasses | shades | era=modern soft=no material=glass+plastic colour=black
            setting=outdoors
        watch | wristwatch | era=early_modern soft=no material=metal use=time electric=maybe
            colour=silver
        handbag | purse, bag | size=medium era=ancient material=leather use=storage soft=maybe
        backpack | rucksack, schoolbag, school bag | size=medium era=modern use=storage
        """,
    ),
    (
        "clothing",
        "jewellery",
        "size=tiny soft=no material=metal use=decoration era=ancient",
        """
        ring | wedding ring | colour=gold
        necklace | pendant, chain | size=small colour=gold
        earrings | earring | colour=silver
        bracelet | bangle | size=small colour=silver
        """,
    ),
    (
        "electronics",
        "gadget",
        "size=small",
        """
        smartphone | phone, mobile phone, cell phone, cellphone, iphone | era=recent
            use=communication material=glass+metal
        telephone | landline, landline phone | era=early_modern use=communication
        camera | digital camera | era=modern use=photography
        video game console | game console, console, playstation, xbox | size=medium
            use=entertainment
        calculator | | era=modern use=computing colour=grey
        remote control | remote, tv remote | use=entertainment
        drone | quadcopter | flies=yes era=recent use=photography setting=outdoors habitat=sky
            colour=white
        robot | | size=medium era=modern use=working colour=silver material=metal
        battery | batteries | size=tiny era=early_modern use=power colour=varies
        """,
    ),
    (
        "electronics",
        "computer",
        "habitat=office use=computing",
        """
        laptop | notebook computer | size=medium colour=silver
        desktop computer | computer, pc, personal computer | size=medium colour=black
        tablet | ipad | size=medium era=recent material=glass+metal
        keyboard | computer keyboard | size=medium
        computer mouse | | size=small colour=black+white
        printer | | size=medium colour=white
        """,
    ),
    (
        "electronics",
        "audio_video",
        "",
        """
        television | tv, telly, tv set | size=medium use=entertainment
        radio | | size=small use=entertainment colour=silver
        headphones | earphones, earbuds | size=small use=music
        speaker | loudspeaker | size=small use=music
        microphone | mic | size=small use=communication era=early_modern colour=silver
        """,
    ),
    (
        "electronics",
        "appliance",
        "size=large colour=white",
        """
        refrigerator | fridge | habitat=kitchen use=storage
        freezer | deep freezer | habitat=kitchen use=storage size=medium
        washing machine | washer | use=cleaning
        dishwasher | | habitat=kitchen use=cleaning
        microwave | microwave oven | size=medium habitat=kitchen use=cooking
        toaster | | size=medium habitat=kitchen use=cooking colour=silver
        oven | stove, cooker | habitat=kitchen use=cooking era=early_modern electric=maybe
            colour=black
        vacuum cleaner | vacuum, hoover | size=medium use=cleaning wheels=maybe colour=red
        hair dryer | hairdryer, blow dryer | size=small use=hygiene colour=black
        electric fan | fan | size=medium use=cooling
        air conditioner | air conditioning | use=cooling
        blender | | size=medium habitat=kitchen use=cooking colour=silver material=glass+metal
        coffee maker | coffee machine | size=medium habitat=kitchen use=cooking colour=black
        """,
    ),
    (
        "electronics",
        "lighting",
        "use=light era=early_modern",
        """
        light bulb | bulb, lightbulb | size=small material=glass colour=clear
        lamp | desk lamp, floor lamp | size=medium colour=varies
        flashlight | torch | size=small era=modern
        """,
    ),
    (
        "kitchenware",
        "utensil",
        "",
        """
        fork | | use=eating
        spoon | teaspoon, tablespoon | use=eating
        knife | kitchen knife | use=cutting dangerous=yes
        chopsticks | chopstick | use=eating material=wood colour=brown
        spatula | | use=cooking material=plastic colour=black era=early_modern
        whisk | | use=cooking era=early_modern
        ladle | | size=medium use=cooking
        rolling pin | | size=medium use=cooking material=wood colour=brown
        grater | cheese grater | use=cooking era=early_modern
        can opener | tin opener | use=cooking era=early_modern
        """,
    ),
    (
        "kitchenware",
        "cookware",
        "size=medium use=cooking",
        """
        frying pan | pan, skillet | colour=black
        saucepan | pot, cooking pot | colour=silver
        wok | | colour=black era=ancient
        kettle | electric kettle | electric=maybe era=early_modern
        teapot | | material=ceramic colour=white use=drinking era=medieval
        cutting board | chopping board | material=wood colour=brown
        """,
    ),
    (
        "kitchenware",
        "tableware",
        "material=ceramic colour=white",
        """
        plate | dinner plate | size=medium use=eating
        bowl | | use=eating
        cup | teacup | use=drinking
        mug | | use=drinking colour=varies
        glass | drinking glass, tumbler | material=glass colour=clear use=drinking
        napkin | serviette | material=paper use=cleaning soft=yes era=early_modern
        straw | drinking straw | size=tiny material=plastic use=drinking colour=varies era=modern
        salt shaker | pepper shaker | material=glass use=eating era=early_modern colour=clear
        """,
    ),
    (
        "kitchenware",
        "container",
        "use=storage",
        """
        bottle | water bottle | material=plastic colour=clear
        jar | jam jar | material=glass colour=clear
        lunchbox | lunch box | size=medium material=plastic era=modern colour=varies
        thermos | flask, vacuum flask | era=modern use=drinking
        """,
    ),
    (
        "sports",
        "ball",
        "material=rubber",
        """
        football | soccer ball | size=medium colour=black+white material=leather
        basketball | | size=medium colour=orange
        tennis ball | | size=small colour=yellow soft=maybe
        baseball | | size=small colour=white material=leather
        golf ball | | size=small colour=white material=plastic pattern=spots
        volleyball | | size=medium colour=white
        american football | rugby ball | size=medium colour=brown material=leather
        bowling ball | | size=medium colour=black material=plastic setting=indoors
        ping pong ball | table tennis ball | size=tiny colour=white material=plastic setting=indoors
        """,
    ),
    (
        "sports",
        "sports_gear",
        "",
        """
        baseball bat | cricket bat | size=medium material=wood colour=brown
        tennis racket | racket, racquet | size=medium material=metal+plastic
        golf club | | size=medium material=metal colour=silver
        hockey stick | | size=medium material=wood
        hockey puck | puck | size=small material=rubber colour=black setting=both
        skateboard | | size=medium material=wood wheels=yes rideable=yes era=modern habitat=city
        skis | ski | size=large material=plastic rideable=yes era=ancient habitat=mountains
        snowboard | | size=large material=plastic rideable=yes era=modern habitat=mountains
        surfboard | | size=large material=plastic rideable=yes water=yes era=ancient habitat=ocean
        ice skates | skates, skate | size=small material=metal+leather era=medieval setting=both
        roller skates | rollerblades | size=small material=plastic wheels=yes
        boxing gloves | | size=medium material=leather colour=red soft=yes setting=indoors
        dumbbell | weights, barbell | size=medium material=metal colour=black setting=indoors
        treadmill | running machine | size=large material=metal+plastic electric=yes era=modern
            setting=indoors colour=black
        trampoline | | size=very_large material=fabric+metal era=modern habitat=garden colour=black
        frisbee | flying disc | size=medium material=plastic flies=maybe era=modern
        fishing rod | fishing pole | size=medium material=plastic era=ancient habitat=freshwater
        dart | darts | size=tiny material=metal era=medieval setting=indoors dangerous=maybe
        bow and arrow | bow, archery | size=medium material=wood era=ancient dangerous=yes
        """,
    ),
    (
        "household",
        "stationery",
        "habitat=office",
        """
        pencil | | material=wood colour=yellow use=writing era=early_modern
        pen | ballpoint pen, biro | material=plastic colour=blue use=writing era=modern
        crayon | crayons | material=wax use=art era=early_modern habitat=home
        eraser | rubber eraser | size=tiny material=rubber colour=pink use=writing era=early_modern
        ruler | | size=medium material=plastic colour=clear use=measuring era=ancient
        paper | sheet of paper | size=medium material=paper colour=white use=writing era=ancient
        notebook | exercise book, notepad | material=paper use=writing era=early_modern
        book | novel | size=medium material=paper use=learning era=ancient habitat=home
        stapler | | material=metal colour=black use=fastening era=early_modern
        paper clip | paperclip | size=tiny material=metal colour=silver use=fastening
            era=early_modern
        envelope | | material=paper colour=white use=communication era=early_modern
        stamp | postage stamp | size=tiny material=paper use=communication era=early_modern
        glue | glue stick | material=plastic colour=white use=fastening era=ancient
        sticky tape | tape, scotch tape | material=plastic colour=clear use=fastening era=modern
        globe | | size=medium material=plastic use=learning era=early_modern habitat=home
        newspaper | | size=medium material=paper colour=black+white use=communication
            era=early_modern habitat=home
        map | | size=medium material=paper use=learning era=ancient setting=both habitat=home
        """,
    ),
    (
        "household",
        "cleaning",
        "use=cleaning",
        """
        broom | | size=medium material=wood era=ancient
        mop | | size=medium material=wood+fabric era=early_modern
        bucket | pail | size=medium material=plastic era=ancient
        sponge | | material=plastic colour=yellow soft=yes era=ancient habitat=kitchen
        soap | bar of soap | material=wax colour=white era=ancient use=hygiene
        trash can | bin, dustbin, garbage can, rubbish bin | size=medium material=plastic
            era=early_modern use=storage
        """,
    ),
    (
        "household",
        "bathroom",
        "use=hygiene",
        """
        toothbrush | | material=plastic era=early_modern
        toothpaste | | material=plastic colour=white era=early_modern soft=yes
        comb | | material=plastic colour=black era=ancient
        hairbrush | brush | material=plastic era=early_modern
        towel | bath towel | size=medium material=fabric soft=yes era=ancient
        toilet | loo, lavatory | size=medium material=ceramic colour=white era=early_modern
        bathtub | bath, tub | size=large material=ceramic colour=white era=ancient water=yes
        razor | shaver | material=metal era=ancient dangerous=maybe colour=silver
        toilet paper | toilet roll, loo roll | material=paper colour=white era=early_modern soft=yes
        shampoo | | material=liquid era=modern
        """,
    ),
    (
        "household",
        "decor",
        "use=decoration",
        """
        vase | flower vase | size=medium material=ceramic era=ancient
        picture frame | photo frame, frame | material=wood era=early_modern
        painting | picture, portrait | size=medium material=fabric era=ancient use=art
        candle | | material=wax colour=white era=ancient use=light
        clock | wall clock | size=medium material=plastic era=medieval use=time
        alarm clock | | material=plastic era=early_modern use=time electric=maybe
        mirror | | size=medium material=glass colour=silver era=ancient
        rug | carpet, mat | size=large material=fabric era=ancient soft=yes
        curtains | curtain, drapes | size=large material=fabric era=medieval soft=yes
        """,
    ),
    (
        "household",
        "bedding",
        "soft=yes material=fabric use=sleeping era=ancient",
        """
        pillow | cushion | size=medium colour=white
        blanket | duvet, quilt, comforter | size=large
        sleeping bag | | size=large era=modern setting=outdoors habitat=forest
        """,
    ),
    (
        "household",
        "storage_item",
        "use=storage",
        """
        box | cardboard box, carton | size=medium material=paper colour=brown era=ancient
        basket | wicker basket | size=medium material=wood colour=brown era=ancient
        suitcase | luggage, case | size=medium material=plastic era=early_modern wheels=maybe
        wallet | | material=leather colour=brown era=early_modern use=money
        key | keys | size=tiny material=metal colour=silver era=ancient use=security setting=both
        lock | padlock | material=metal colour=silver era=ancient use=security setting=both
        safe | strongbox | size=medium material=metal colour=grey era=early_modern use=security
        matches | match, matchstick, matchbox | size=tiny material=wood era=early_modern use=light
            dangerous=maybe
        """,
    ),
    (
        "household",
        "money",
        "use=money setting=both",
        """
        coin | coins, penny | size=tiny material=metal colour=silver era=ancient
        banknote | bill, note, paper money, cash | material=paper colour=green era=medieval
        credit card | debit card, bank card | material=plastic era=modern
        piggy bank | money box | material=ceramic colour=pink era=medieval
        """,
    ),
    (
        "toy",
        "plaything",
        "",
        """
        teddy bear | teddy | size=medium material=fabric colour=brown soft=yes era=modern
        doll | | era=ancient
        kite | | size=medium material=fabric flies=yes setting=outdoors era=ancient
        yo-yo | yoyo | era=ancient
        balloon | party balloon | material=rubber flies=maybe soft=yes era=early_modern
        building blocks | lego, legos, blocks | size=tiny era=modern
        marbles | marble | size=tiny material=glass era=ancient
        rubber duck | rubber ducky | material=rubber colour=yellow water=yes era=modern
            setting=indoors
        toy car | matchbox car | material=metal wheels=yes era=modern
        spinning top | top | material=wood era=ancient
        jump rope | skipping rope | size=medium material=fabric era=ancient setting=outdoors
        rocking horse | hobby horse | size=medium material=wood era=early_modern colour=brown
        water gun | squirt gun, water pistol | water=maybe era=modern setting=outdoors
        slinky | | material=metal colour=silver era=modern
        swing | swing set | size=large material=metal habitat=garden setting=outdoors era=ancient
            rideable=yes
        slide | playground slide | size=large habitat=garden setting=outdoors era=early_modern
        seesaw | teeter-totter | size=large material=wood habitat=garden setting=outdoors
            era=early_modern rideable=yes
        dollhouse | doll house, dolls house | size=medium material=wood era=early_modern
        """,
    ),
    (
        "toy",
        "game",
        "setting=indoors",
        """
        dice | die | size=tiny colour=white pattern=spots era=ancient
        chess | chess set, chessboard | size=medium material=wood colour=black+white era=medieval
        playing cards | cards, deck of cards | material=paper era=medieval
        jigsaw puzzle | puzzle, jigsaw | size=medium material=paper era=early_modern
        rubik's cube | magic cube | colour=red+green+blue+yellow+orange+white era=modern
        board game | monopoly | size=medium material=paper era=ancient
        """,
    ),
)
