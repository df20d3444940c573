"""The attributes every entity of the knowledge base has, and the values each may take.

Values are lower-case words. Three-valued flags use ``yes`` / ``no`` / ``maybe`` ("sometimes",
"it depends"). ``colour`` and ``material`` may join several values with ``+`` (``black+white``)
and ``colour`` may be ``varies``; ``setting`` may be ``both`` and ``habitat`` ``everywhere``:
questions about one part of such a value are answered "Maybe".

Sizes are ordered and defined against everyday references, so that size questions have one
right answer: ``tiny`` (smaller than a coin), ``small`` (fits in a hand), ``medium`` (bigger than
a hand, smaller than a person), ``large`` (bigger than a person, up to a car), ``very_large``
(bigger than a car, up to a house), ``huge`` (bigger than a house).
"""

from __future__ import annotations

from dataclasses import dataclass

FLAG = ("yes", "no", "maybe")
SIZES = ("tiny", "small", "medium", "large", "very_large", "huge")
ERAS = ("natural", "ancient", "medieval", "early_modern", "modern", "recent")
#: Years each era spans, [start, end): ancient before 500, medieval 500-1500, and so on.
ERA_YEARS = {
    "ancient": (-10_000, 500),
    "medieval": (500, 1500),
    "early_modern": (1500, 1900),
    "modern": (1900, 2000),
    "recent": (2000, 10_000),
}

KINDS_BY_CATEGORY: dict[str, tuple[str, ...]] = {
    "animal": (
        "mammal",
        "bird",
        "fish",
        "reptile",
        "amphibian",
        "insect",
        "arachnid",
        "mollusc",
        "crustacean",
        "invertebrate",
    ),
    "plant": ("tree", "flower", "grass", "cactus", "shrub", "vine", "herb"),
    "food": (
        "fruit",
        "vegetable",
        "nut",
        "grain",
        "dish",
        "baked_good",
        "dessert",
        "dairy",
        "meat",
        "egg",
        "condiment",
        "snack",
    ),
    "drink": ("hot_drink", "soft_drink", "alcoholic_drink", "juice", "plain_drink", "milk_drink"),
    "vehicle": ("land_vehicle", "watercraft", "aircraft"),
    "tool": ("hand_tool", "power_tool", "garden_tool"),
    "instrument": ("string_instrument", "wind_instrument", "percussion", "keyboard_instrument"),
    "furniture": ("seating", "table", "bed", "storage_furniture"),
    "clothing": ("garment", "footwear", "headwear", "accessory", "jewellery"),
    "electronics": ("gadget", "computer", "audio_video", "appliance", "lighting"),
    "kitchenware": ("utensil", "cookware", "tableware", "container"),
    "sports": ("ball", "sports_gear"),
    "building": ("dwelling", "public_building", "monument", "structure"),
    "nature": ("landform", "water_body", "sky_object", "mineral", "phenomenon"),
    "household": (
        "stationery",
        "cleaning",
        "bathroom",
        "decor",
        "storage_item",
        "money",
        "bedding",
    ),
    "toy": ("plaything", "game"),
}

#: attribute -> allowed values (for ``colour`` and ``material``: the parts of a ``+`` value).
VALUES: dict[str, tuple[str, ...]] = {
    "category": tuple(KINDS_BY_CATEGORY),
    "kind": tuple(kind for kinds in KINDS_BY_CATEGORY.values() for kind in kinds),
    "size": SIZES,
    "alive": FLAG,
    "man_made": FLAG,
    "edible": FLAG,
    "electric": FLAG,
    "setting": ("indoors", "outdoors", "both"),
    "habitat": (
        "home",
        "kitchen",
        "office",
        "workshop",
        "farm",
        "countryside",
        "garden",
        "forest",
        "jungle",
        "savanna",
        "desert",
        "ocean",
        "freshwater",
        "polar",
        "mountains",
        "city",
        "sports_field",
        "sky",
        "space",
        "everywhere",
    ),
    "colour": (
        "red",
        "orange",
        "yellow",
        "green",
        "blue",
        "purple",
        "pink",
        "brown",
        "black",
        "white",
        "grey",
        "silver",
        "gold",
        "clear",
        "varies",
    ),
    "material": (
        "organic",
        "wood",
        "metal",
        "plastic",
        "glass",
        "fabric",
        "paper",
        "stone",
        "ceramic",
        "rubber",
        "leather",
        "liquid",
        "ice",
        "gas",
        "sand",
        "wax",
        "none",
    ),
    "legs": ("0", "2", "3", "4", "6", "8", "many"),
    "wings": FLAG,
    "flies": FLAG,
    "water": FLAG,
    "pet": FLAG,
    "dangerous": FLAG,
    "wheels": FLAG,
    "diet": ("carnivore", "herbivore", "omnivore", "none"),
    "covering": ("fur", "feathers", "scales", "skin", "shell", "exoskeleton", "spines", "none"),
    "pattern": ("plain", "spots", "stripes", "varies"),
    "era": ERAS,
    "use": (
        "none",
        "transport",
        "cooking",
        "eating",
        "drinking",
        "music",
        "sport",
        "writing",
        "art",
        "cleaning",
        "communication",
        "entertainment",
        "wearing",
        "sitting",
        "sleeping",
        "storage",
        "light",
        "time",
        "gardening",
        "decoration",
        "construction",
        "computing",
        "cutting",
        "fastening",
        "measuring",
        "play",
        "living",
        "worship",
        "learning",
        "working",
        "shopping",
        "hygiene",
        "cooling",
        "security",
        "protection",
        "money",
        "power",
        "photography",
        "health",
    ),
    "sweet": FLAG,
    "soft": FLAG,
    "rideable": FLAG,
}
MULTI_VALUED = ("colour", "material")
#: Every attribute an entity has: the stored ones plus the first letter of its name.
ATTRIBUTES = (*VALUES, "first_letter")


@dataclass(frozen=True)
class Entity:
    """One thing the user may think of: its name, other names for it, and its attributes."""

    name: str
    synonyms: tuple[str, ...]
    attributes: dict[str, str]

    def __getitem__(self, attribute: str) -> str:
        return self.attributes[attribute]

    def parts(self, attribute: str) -> tuple[str, ...]:
        """The ``+``-joined parts of a value (``black+white`` -> ``("black", "white")``)."""
        return tuple(self.attributes[attribute].split("+"))

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.synonyms)


def check_entity(entity: Entity) -> list[str]:
    """Everything wrong with ``entity``'s attributes (an empty list when it is consistent)."""
    problems = []
    missing = set(ATTRIBUTES) - set(entity.attributes)
    extra = set(entity.attributes) - set(ATTRIBUTES)
    if missing or extra:
        problems.append(f"{entity.name}: missing {sorted(missing)}, unknown {sorted(extra)}")
    for attribute, allowed in VALUES.items():
        value = entity.attributes.get(attribute, "")
        parts = value.split("+") if attribute in MULTI_VALUED else [value]
        if any(part not in allowed for part in parts) or len(set(parts)) != len(parts):
            problems.append(f"{entity.name}: {attribute}={value!r} not in {allowed}")
    category, kind = entity.attributes.get("category"), entity.attributes.get("kind")
    if category in KINDS_BY_CATEGORY and kind not in KINDS_BY_CATEGORY[category]:
        problems.append(f"{entity.name}: kind {kind!r} is not a kind of {category!r}")
    return problems
