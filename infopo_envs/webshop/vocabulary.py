"""The store's vocabulary: a category hierarchy of product types, their attributes and options.

A ``ProductType`` is a leaf of the hierarchy (``Beauty & Personal Care › Hair Care › Shampoo``)
with the noun phrase that names it in titles, the attribute facets a product of that type may
have (``ingredients: sulfate free, paraben free, ...``), its purchase options (``size``,
``scent``) and a price range. Facets and options carry the words a shopper uses to ask about
them, which WebShopIntent's judge reads. Pure data; ``catalogue`` draws products from it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Facet:
    """A family of attributes (a product has at most one value per facet)."""

    name: str
    values: tuple[str, ...]

    @property
    def keywords(self) -> tuple[str, ...]:
        return FACET_KEYWORDS[self.name]


@dataclass(frozen=True)
class OptionKind:
    """A purchase option offered on the item page as radio buttons (size, colour, ...)."""

    name: str
    values: tuple[str, ...]

    @property
    def keywords(self) -> tuple[str, ...]:
        return OPTION_KEYWORDS[self.name]


@dataclass(frozen=True)
class ProductType:
    path: tuple[str, ...]  # category path, top level first
    noun: str  # the product's noun phrase as it appears in titles ("face moisturizer")
    facets: tuple[Facet, ...]
    options: tuple[OptionKind, ...]
    price: tuple[float, float]

    @property
    def top(self) -> str:
        return self.path[0]

    @property
    def category(self) -> str:
        return " › ".join(self.path)


FACET_KEYWORDS: dict[str, tuple[str, ...]] = {
    "skin type": ("skin", "skin type"),
    "hair type": ("hair", "hair type"),
    "ingredients": ("ingredient", "ingredients", "formula", "contain", "chemicals"),
    "benefit": ("benefit", "benefits", "effect", "help with", "result"),
    "certification": ("certified", "certification", "ethical", "animal", "tested"),
    "finish": ("finish", "look", "sheen"),
    "wear": ("wear", "lasting", "smudge", "stay"),
    "diet": ("diet", "dietary", "allergy", "allergies", "vegan", "gluten", "organic"),
    "nutrition": ("nutrition", "healthy", "calories", "fat", "sugar", "protein", "sodium"),
    "packaging": ("packaging", "package", "packaged", "wrapped", "bag", "come in"),
    "roast": ("roast", "roasted", "strength", "strong"),
    "origin": ("origin", "grown", "from where", "region", "country"),
    "material": ("material", "made of", "fabric", "made from"),
    "fit": ("fit", "cut", "tight", "loose"),
    "sleeve": ("sleeve", "sleeves", "arms"),
    "care": ("wash", "washing", "care", "clean", "cleaning"),
    "style": ("style", "design", "look like", "aesthetic"),
    "comfort": ("comfort", "comfortable", "feel", "cushioning", "support"),
    "protection": ("protect", "protection", "drop", "durable", "rugged"),
    "features": ("feature", "features", "functions", "extras"),
    "battery": ("battery", "charge", "charging", "power"),
    "connectivity": ("connectivity", "connect", "connection", "bluetooth", "cable", "port"),
    "assembly": ("assembly", "assemble", "setup", "install"),
    "thread count": ("thread count", "threads", "softness", "soft"),
    "cooking": ("cooking", "stove", "oven", "dishwasher", "induction", "cooktop"),
    "sourcing": ("sourcing", "sourced", "produced", "producer", "batch"),
    "season": ("season", "seasons", "weather", "summer", "winter"),
    "warranty": ("warranty", "guarantee", "guaranteed"),
}

OPTION_KEYWORDS: dict[str, tuple[str, ...]] = {
    "size": ("size", "sizes", "how big", "how large"),
    "color": ("color", "colour", "shade", "colors"),
    "scent": ("scent", "smell", "fragrance"),
    "flavor": ("flavor", "flavour", "taste"),
    "pack": ("pack", "count", "quantity", "how many"),
    "length": ("length", "how long"),
    "model": ("model", "which phone", "compatible", "device"),
    "switch": ("switch", "switches", "typing feel", "clicky"),
}

PRICE_KEYWORDS = (
    "price", "budget", "cost", "spend", "afford", "expensive", "cheap", "pay", "dollars", "money",
)  # fmt: skip

# ---- shared facets and options ---------------------------------------------------------------
_CERT = Facet("certification", ("cruelty free", "dermatologist tested", "vegan formula"))
_BEAUTY_INGREDIENTS = Facet(
    "ingredients",
    ("paraben free", "fragrance free", "natural ingredients", "alcohol free", "hyaluronic acid"),
)
_DIET = Facet("diet", ("gluten free", "non gmo", "kosher certified", "usda organic", "dairy free"))
_PACKAGING = Facet("packaging", ("individually wrapped", "resealable bag", "bulk pack"))
_APPAREL_CARE = Facet("care", ("machine washable", "hand wash only", "wrinkle resistant"))
_BATTERY = Facet("battery", ("long battery life", "fast charging", "usb c charging"))
_APPAREL_COLORS = OptionKind(
    "color",
    ("black", "white", "navy blue", "heather gray", "olive green", "burgundy", "light pink"),
)
_LETTER_SIZES = OptionKind("size", ("x-small", "small", "medium", "large", "x-large", "xx-large"))
_SHOE_SIZES = OptionKind("size", ("6", "6.5", "7", "7.5", "8", "8.5", "9", "9.5", "10", "11"))
_FURNITURE_COLORS = OptionKind(
    "color", ("walnut", "espresso", "white oak", "rustic brown", "matte black", "gray wash")
)
_DEVICE_COLORS = OptionKind(
    "color", ("midnight black", "silver", "space gray", "ocean blue", "rose gold")
)

BEAUTY = "Beauty & Personal Care"
GROCERY = "Grocery & Gourmet Food"
FASHION = "Clothing, Shoes & Jewelry"
HOME = "Home & Kitchen"
ELECTRONICS = "Electronics"

PRODUCT_TYPES: tuple[ProductType, ...] = (
    # ---- beauty ----
    ProductType(
        (BEAUTY, "Skin Care", "Face", "Moisturizers"),
        "face moisturizer",
        (
            Facet(
                "skin type",
                ("for dry skin", "for oily skin", "for sensitive skin", "for combination skin"),
            ),
            _BEAUTY_INGREDIENTS,
            Facet("benefit", ("anti aging", "oil control", "reduces fine lines", "brightening")),
            _CERT,
        ),
        (OptionKind("size", ("1 fl oz", "1.7 fl oz", "2.5 fl oz", "3.4 fl oz", "5 fl oz")),),
        (9.0, 68.0),
    ),
    ProductType(
        (BEAUTY, "Hair Care", "Shampoo & Conditioner", "Shampoos"),
        "shampoo",
        (
            Facet(
                "hair type",
                ("for dry hair", "for curly hair", "for fine hair", "for color treated hair"),
            ),
            Facet(
                "ingredients",
                ("sulfate free", "paraben free", "argan oil", "tea tree oil", "silicone free"),
            ),
            Facet("benefit", ("volumizing", "anti dandruff", "hair growth", "frizz control")),
            _CERT,
        ),
        (
            OptionKind("size", ("8 fl oz", "12 fl oz", "16 fl oz", "33.8 fl oz")),
            OptionKind("scent", ("coconut", "lavender", "peppermint", "citrus", "unscented")),
        ),
        (6.0, 42.0),
    ),
    ProductType(
        (BEAUTY, "Makeup", "Lips", "Lipstick"),
        "lipstick",
        (
            Facet("finish", ("matte finish", "satin finish", "glossy finish", "metallic finish")),
            Facet("wear", ("long lasting", "transfer proof", "waterproof")),
            Facet("ingredients", ("paraben free", "vitamin e", "shea butter", "jojoba oil")),
            _CERT,
        ),
        (
            OptionKind("color", ("ruby red", "nude pink", "berry", "coral", "mauve", "plum")),
            OptionKind("pack", ("single", "pack of 2", "pack of 3")),
        ),
        (4.0, 36.0),
    ),
    ProductType(
        (BEAUTY, "Bath & Body", "Cleansers", "Body Wash"),
        "body wash",
        (
            Facet("skin type", ("for dry skin", "for sensitive skin", "for all skin types")),
            _BEAUTY_INGREDIENTS,
            Facet("benefit", ("moisturizing", "exfoliating", "deep cleansing", "soothing")),
            _CERT,
        ),
        (
            OptionKind("size", ("12 fl oz", "16 fl oz", "22 fl oz", "32 fl oz")),
            OptionKind("scent", ("eucalyptus", "vanilla", "oatmeal", "sea salt", "rose")),
        ),
        (5.0, 30.0),
    ),
    ProductType(
        (BEAUTY, "Oral Care", "Toothbrushes", "Electric Toothbrushes"),
        "electric toothbrush",
        (
            Facet(
                "features",
                ("2 minute timer", "pressure sensor", "5 brushing modes", "travel case included"),
            ),
            _BATTERY,
            Facet("benefit", ("whitening", "gum care", "plaque removal")),
        ),
        (OptionKind("color", ("white", "black", "pink", "mint green", "lavender purple")),),
        (18.0, 140.0),
    ),
    # ---- grocery ----
    ProductType(
        (GROCERY, "Snacks", "Chips & Crisps", "Potato Chips"),
        "potato chips",
        (
            _DIET,
            Facet("nutrition", ("low fat", "low sodium", "zero trans fat", "high fiber")),
            _PACKAGING,
            Facet("style", ("kettle cooked", "baked", "thick cut", "wavy")),
        ),
        (
            OptionKind(
                "flavor",
                ("sea salt", "barbecue", "sour cream and onion", "salt and vinegar", "jalapeno"),
            ),
            OptionKind(
                "size",
                ("1 oz (pack of 24)", "2 oz (pack of 12)", "5 oz (pack of 6)", "8 oz (pack of 4)"),
            ),
        ),
        (8.0, 34.0),
    ),
    ProductType(
        (GROCERY, "Beverages", "Coffee", "Ground Coffee"),
        "ground coffee",
        (
            Facet("roast", ("dark roast", "medium roast", "light roast", "espresso roast")),
            Facet("origin", ("single origin", "colombian", "ethiopian", "sumatra")),
            Facet("diet", ("usda organic", "fair trade", "kosher certified", "non gmo")),
            Facet("packaging", ("resealable bag", "nitrogen flushed", "recyclable can")),
        ),
        (
            OptionKind("size", ("10 oz", "12 oz", "24 oz", "2 lb")),
            OptionKind("flavor", ("original", "hazelnut", "french vanilla", "caramel", "mocha")),
        ),
        (7.0, 38.0),
    ),
    ProductType(
        (GROCERY, "Beverages", "Tea", "Green Tea"),
        "green tea bags",
        (
            Facet("diet", ("usda organic", "non gmo", "kosher certified", "sugar free")),
            Facet("origin", ("japanese", "chinese", "single estate")),
            Facet("packaging", ("individually wrapped", "compostable bags", "tin gift box")),
            Facet("benefit", ("antioxidant rich", "caffeine free", "digestive support")),
        ),
        (
            OptionKind("flavor", ("jasmine", "matcha", "mint", "lemon ginger", "honey")),
            OptionKind("pack", ("20 count", "40 count", "100 count")),
        ),
        (4.0, 26.0),
    ),
    ProductType(
        (GROCERY, "Snacks", "Bars", "Protein Bars"),
        "protein bars",
        (
            _DIET,
            Facet("nutrition", ("high protein", "low sugar", "keto friendly", "high fiber")),
            _PACKAGING,
        ),
        (
            OptionKind(
                "flavor",
                (
                    "chocolate chip",
                    "peanut butter",
                    "cookies and cream",
                    "salted caramel",
                    "birthday cake",
                ),
            ),
            OptionKind("pack", ("12 count", "15 count", "24 count")),
        ),
        (12.0, 44.0),
    ),
    ProductType(
        (GROCERY, "Pantry Staples", "Condiments", "Hot Sauce"),
        "hot sauce",
        (
            _DIET,
            Facet("nutrition", ("low sodium", "zero calories", "no added sugar")),
            Facet("style", ("extra hot", "mild heat", "smoky chipotle", "garlic infused")),
        ),
        (
            OptionKind("size", ("5 fl oz", "10 fl oz", "17 fl oz")),
            OptionKind("pack", ("1 bottle", "2 bottles", "3 bottles")),
        ),
        (3.0, 22.0),
    ),
    # ---- fashion ----
    ProductType(
        (FASHION, "Men", "Clothing", "T-Shirts"),
        "men's t-shirt",
        (
            Facet(
                "material",
                ("100% cotton", "polyester blend", "moisture wicking fabric", "organic cotton"),
            ),
            Facet("fit", ("slim fit", "regular fit", "relaxed fit", "athletic fit")),
            Facet("sleeve", ("short sleeve", "long sleeve", "sleeveless")),
            _APPAREL_CARE,
        ),
        (_APPAREL_COLORS, _LETTER_SIZES),
        (8.0, 36.0),
    ),
    ProductType(
        (FASHION, "Women", "Clothing", "Dresses"),
        "women's dress",
        (
            Facet("style", ("casual", "cocktail party", "bohemian", "business work")),
            Facet("material", ("chiffon", "stretch knit", "linen blend", "100% cotton")),
            Facet("sleeve", ("short sleeve", "long sleeve", "sleeveless", "puff sleeve")),
            _APPAREL_CARE,
        ),
        (_APPAREL_COLORS, _LETTER_SIZES),
        (18.0, 80.0),
    ),
    ProductType(
        (FASHION, "Women", "Shoes", "Running Shoes"),
        "women's running shoes",
        (
            Facet("comfort", ("arch support", "memory foam insole", "lightweight cushioning")),
            Facet(
                "features", ("non slip", "breathable mesh", "reflective details", "slip on design")
            ),
            Facet("material", ("knit upper", "synthetic leather", "recycled materials")),
        ),
        (
            OptionKind("color", ("black white", "all black", "gray pink", "navy", "teal")),
            _SHOE_SIZES,
        ),
        (25.0, 120.0),
    ),
    ProductType(
        (FASHION, "Men", "Shoes", "Work Boots"),
        "men's work boots",
        (
            Facet("protection", ("steel toe", "composite toe", "electrical hazard rated")),
            Facet("features", ("waterproof", "slip resistant", "oil resistant")),
            Facet("material", ("full grain leather", "suede leather", "nubuck leather")),
            Facet("comfort", ("padded collar", "shock absorbing", "removable insole")),
        ),
        (OptionKind("color", ("wheat", "brown", "black", "tan")), _SHOE_SIZES),
        (45.0, 190.0),
    ),
    ProductType(
        (FASHION, "Jewelry", "Necklaces", "Pendant Necklaces"),
        "pendant necklace",
        (
            Facet("material", ("sterling silver", "14k gold plated", "stainless steel")),
            Facet("features", ("hypoallergenic", "nickel free", "tarnish resistant")),
            Facet(
                "style", ("heart pendant", "cross pendant", "birthstone pendant", "initial pendant")
            ),
            Facet("packaging", ("gift box included", "velvet pouch")),
        ),
        (
            OptionKind("length", ("16 inch", "18 inch", "20 inch", "22 inch")),
            OptionKind("color", ("silver", "gold", "rose gold")),
        ),
        (12.0, 95.0),
    ),
    # ---- home ----
    ProductType(
        (HOME, "Furniture", "Living Room Furniture", "Coffee Tables"),
        "coffee table",
        (
            Facet("material", ("solid wood", "tempered glass", "engineered wood", "metal frame")),
            Facet("style", ("mid century modern", "rustic farmhouse", "industrial", "minimalist")),
            Facet("features", ("storage shelf", "lift top", "hidden compartment")),
            Facet("assembly", ("easy assembly", "no tools required", "fully assembled")),
        ),
        (_FURNITURE_COLORS,),
        (45.0, 320.0),
    ),
    ProductType(
        (HOME, "Furniture", "Bedroom Furniture", "Nightstands"),
        "nightstand",
        (
            Facet("material", ("solid wood", "engineered wood", "rattan", "metal frame")),
            Facet("style", ("mid century modern", "rustic farmhouse", "minimalist")),
            Facet("features", ("charging station", "two drawers", "open shelf")),
            Facet("assembly", ("easy assembly", "fully assembled")),
        ),
        (_FURNITURE_COLORS, OptionKind("pack", ("set of 1", "set of 2"))),
        (30.0, 210.0),
    ),
    ProductType(
        (HOME, "Bedding", "Sheets & Pillowcases", "Sheet Sets"),
        "bed sheet set",
        (
            Facet("material", ("egyptian cotton", "microfiber", "bamboo viscose", "linen")),
            Facet("thread count", ("400 thread count", "600 thread count", "1000 thread count")),
            Facet("features", ("deep pocket", "cooling", "wrinkle free", "fade resistant")),
            _APPAREL_CARE,
        ),
        (
            OptionKind("size", ("twin", "full", "queen", "king", "california king")),
            OptionKind("color", ("white", "ivory", "light gray", "sage green", "dusty blue")),
        ),
        (20.0, 150.0),
    ),
    ProductType(
        (HOME, "Kitchen & Dining", "Cookware", "Frying Pans"),
        "nonstick frying pan",
        (
            Facet(
                "material",
                ("hard anodized aluminum", "stainless steel", "cast iron", "ceramic coated"),
            ),
            Facet("cooking", ("dishwasher safe", "oven safe", "induction compatible")),
            Facet("features", ("pfoa free", "stay cool handle", "glass lid included")),
        ),
        (
            OptionKind("size", ("8 inch", "10 inch", "12 inch")),
            OptionKind("color", ("black", "gray", "red", "blue")),
        ),
        (15.0, 110.0),
    ),
    ProductType(
        (HOME, "Home Décor", "Window Treatments", "Curtains"),
        "blackout curtains",
        (
            Facet("features", ("thermal insulated", "noise reducing", "room darkening")),
            Facet("style", ("grommet top", "rod pocket", "back tab")),
            _APPAREL_CARE,
        ),
        (
            OptionKind("size", ("52 x 63 inch", "52 x 84 inch", "52 x 95 inch")),
            OptionKind("color", ("navy", "charcoal", "beige", "white", "emerald")),
        ),
        (14.0, 70.0),
    ),
    # ---- electronics ----
    ProductType(
        (ELECTRONICS, "Headphones", "Over-Ear Headphones", "Wireless Headphones"),
        "wireless headphones",
        (
            Facet(
                "features",
                (
                    "active noise cancelling",
                    "built in microphone",
                    "foldable design",
                    "hi res audio",
                ),
            ),
            _BATTERY,
            Facet("connectivity", ("bluetooth 5.3", "multipoint connection", "3.5mm aux input")),
            Facet("comfort", ("memory foam ear cushions", "lightweight design")),
        ),
        (_DEVICE_COLORS,),
        (20.0, 260.0),
    ),
    ProductType(
        (ELECTRONICS, "Computers & Accessories", "Keyboards", "Mechanical Keyboards"),
        "mechanical keyboard",
        (
            Facet("features", ("rgb backlit", "hot swappable", "programmable macro keys")),
            Facet("connectivity", ("wired usb c", "2.4ghz wireless", "bluetooth 5.0")),
            Facet("style", ("tenkeyless", "full size", "60 percent compact")),
        ),
        (
            OptionKind("color", ("black", "white", "gray", "pink")),
            OptionKind("switch", ("red switches", "brown switches", "blue switches")),
        ),
        (30.0, 160.0),
    ),
    ProductType(
        (ELECTRONICS, "Cell Phones & Accessories", "Cases", "Phone Cases"),
        "phone case",
        (
            Facet(
                "protection", ("shockproof", "military grade drop protection", "scratch resistant")
            ),
            Facet(
                "features", ("wireless charging compatible", "built in kickstand", "card holder")
            ),
            Facet("material", ("clear tpu", "silicone", "vegan leather")),
        ),
        (
            OptionKind("model", ("iphone 15", "iphone 15 pro", "galaxy s24", "pixel 8")),
            OptionKind("color", ("clear", "black", "navy", "lavender", "forest green")),
        ),
        (7.0, 45.0),
    ),
    ProductType(
        (ELECTRONICS, "Power", "Chargers", "Wall Chargers"),
        "usb c wall charger",
        (
            Facet("battery", ("65w fast charging", "20w fast charging", "100w fast charging")),
            Facet("features", ("foldable plug", "dual ports", "gan technology")),
            Facet("protection", ("overheat protection", "surge protection")),
        ),
        (
            OptionKind("color", ("white", "black")),
            OptionKind("pack", ("1 pack", "2 pack", "3 pack")),
        ),
        (9.0, 60.0),
    ),
    ProductType(
        (ELECTRONICS, "Camera & Photo", "Surveillance", "Security Cameras"),
        "security camera",
        (
            Facet(
                "features",
                ("night vision", "two way audio", "motion detection", "color night vision"),
            ),
            Facet("connectivity", ("wifi", "wired ethernet", "works with alexa")),
            Facet("protection", ("weatherproof", "ip66 waterproof")),
            _BATTERY,
        ),
        (
            OptionKind("pack", ("1 camera", "2 cameras", "4 cameras")),
            OptionKind("size", ("1080p", "2k", "4k")),
        ),
        (25.0, 230.0),
    ),
)

#: One more facet per top category, for every type of it that lacks a facet of that name: more
#: attributes per product, so near-duplicates can differ in one of many.
EXTRA_FACETS: dict[str, Facet] = {
    BEAUTY: Facet("packaging", ("travel size", "refillable bottle", "recyclable packaging")),
    GROCERY: Facet("sourcing", ("made in usa", "small batch", "family farm grown")),
    FASHION: Facet("season", ("all season", "summer weight", "winter warm")),
    HOME: Facet("warranty", ("1 year warranty", "2 year warranty", "5 year warranty")),
    ELECTRONICS: Facet("warranty", ("1 year warranty", "2 year warranty", "5 year warranty")),
}


#: Sub-categories the shared facet does not fit (a necklace has no season).
NO_EXTRA_FACET = ("Jewelry",)


def _with_extra_facet(kind: ProductType) -> ProductType:
    extra = EXTRA_FACETS[kind.top]
    if kind.path[1] in NO_EXTRA_FACET or any(f.name == extra.name for f in kind.facets):
        return kind
    return replace(kind, facets=(*kind.facets, extra))


PRODUCT_TYPES = tuple(_with_extra_facet(kind) for kind in PRODUCT_TYPES)

BRAND_HEADS = (
    "Aure", "Nord", "Vela", "Kira", "Mont", "Solen", "Brio", "Lumo", "Tera", "Oak", "Zephy", "Cala",
    "Hale", "Rivo", "Juno", "Pax", "Sola", "Evo", "Maren", "Tovi",
)  # fmt: skip
BRAND_TAILS = ("lle", "haven", "ra", "line", "field", "ly", "nix", "stone", "wick", "co", "ora")

TITLE_EXTRAS: dict[str, tuple[str, ...]] = {
    BEAUTY: ("Premium", "Daily", "Professional", "Gentle", "Salon Quality", "Travel Friendly"),
    GROCERY: ("Gourmet", "Classic", "Family Size", "Artisan", "Everyday"),
    FASHION: ("Classic", "Everyday", "Premium", "Trendy", "Essential"),
    HOME: ("Modern", "Premium", "Classic", "Space Saving", "Heavy Duty"),
    ELECTRONICS: ("Upgraded", "Pro", "2024 Model", "Smart", "Portable"),
}

GENERIC_BULLETS: dict[str, tuple[str, ...]] = {
    BEAUTY: (
        "Suitable for daily use by women and men.",
        "Produced with quality control at every step.",
        "Satisfaction guaranteed: contact us with any question.",
    ),
    GROCERY: (
        "Great for lunch boxes, road trips and the office pantry.",
        "Packed fresh and shipped in protective packaging.",
        "Enjoy it as a snack or share it with family and friends.",
    ),
    FASHION: (
        "Designed for everyday comfort and easy matching.",
        "Check the size chart in the images before ordering.",
        "A thoughtful gift for birthdays and holidays.",
    ),
    HOME: (
        "Fits living rooms, bedrooms, dorms and apartments.",
        "Built to last with carefully selected materials.",
        "Customer service replies within 24 hours.",
    ),
    ELECTRONICS: (
        "Friendly support by email and phone.",
        "Compatible with most popular devices.",
        "Tested for safety and reliability before shipping.",
    ),
}

DESCRIPTION_OPENERS = (
    "Meet the {brand} {noun}, for people who care about the details.",
    "The {brand} {noun} brings quality you can feel to your everyday routine.",
    "Discover why customers love the {brand} {noun}.",
    "Upgrade your routine with this {noun} from {brand}.",
)

REVIEW_LINES = {
    5: ("Love it, would buy again.", "Exceeded my expectations.", "Perfect, as described."),
    4: ("Very good, minor quibbles.", "Works well, good value.", "Happy with this purchase."),
    3: ("It's okay, nothing special.", "Does the job but could be better.", "Average quality."),
    2: ("Not what I expected.", "Quality could be much better.", "Disappointed after a week."),
    1: ("Stopped working quickly.", "Would not recommend.", "Returned it."),
}
REVIEWERS = ("Alex", "Sam", "Priya", "Jordan", "Mei", "Carlos", "Fatima", "Noah", "Lena", "Omar")
