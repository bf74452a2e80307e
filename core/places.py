"""Places in a ranking where ties share one (standard competition ranking)."""


def competition_places(counts):
    """Places for ``counts`` sorted most first: equal counts share a place and the
    next count skips the shared ones (1, 2, 2, 4)."""
    places, previous, place = [], None, 0
    for position, count in enumerate(counts, start=1):
        if count != previous:
            place, previous = position, count
        places.append(place)
    return places
