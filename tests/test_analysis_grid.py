"""The grid for hot spots (situation.analysis.grid) and the kernel density surface
(situation.analysis.density)."""

import json
import math

import numpy as np
import pytest

from situation.analysis import (
    bin_points,
    cell_centres,
    cells_geojson,
    grid_around,
    kernel_density,
    make_grid,
)
from situation.analysis.grid import METRES_PER_DEGREE, cell_bounds, cell_indices

# Tjörn, around Skärhamn.
SOUTH, WEST = 57.99, 11.54


def haversine_m(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6_371_000 * math.asin(math.sqrt(a))


def box(width_m, height_m):
    north = SOUTH + height_m / METRES_PER_DEGREE
    east = WEST + width_m / (METRES_PER_DEGREE * math.cos(math.radians((SOUTH + north) / 2)))
    return {"south": SOUTH, "west": WEST, "north": north, "east": east}


def test_a_box_is_cut_into_cells_of_the_size_asked_for():
    # 1,100 m east-west and 500 m north-south in cells of 200 m: 6 columns and 3 rows.
    grid = make_grid(**box(1100, 500), cell_m=200)
    assert grid.shape == (3, 6)
    south, west, north, east = cell_bounds(grid, 1, 2)
    # The cell is 200 m on each side on the ground (equirectangular: within half a per cent).
    assert haversine_m(south, west, south, east) == pytest.approx(200, rel=5e-3)
    assert haversine_m(south, west, north, west) == pytest.approx(200, rel=5e-3)
    assert grid.cell_area_km2 == pytest.approx(0.04)


def test_points_are_counted_in_their_cells():
    grid = make_grid(**box(1100, 500), cell_m=200)
    lat, lon = cell_centres(grid)
    # Three points in the south-west cell, one in the north-east, one just inside the south
    # edge, and points outside the box or without coordinates that are left out.
    points = [
        (lat[0, 0], lon[0, 0]),
        (lat[0, 0] + grid.lat_step / 3, lon[0, 0]),
        (lat[0, 0], lon[0, 0] - grid.lon_step / 3),
        (lat[2, 5], lon[2, 5]),
        (SOUTH + 1e-9, lon[0, 3]),
        (SOUTH - 0.01, lon[0, 0]),
        (lat[1, 1], WEST + 1.0),
        (np.nan, lon[1, 1]),
        (lat[1, 1], np.nan),
    ]
    counts = bin_points(grid, [p[0] for p in points], [p[1] for p in points])
    expected = np.zeros((3, 6), dtype=int)
    expected[0, 0] = 3
    expected[2, 5] = 1
    expected[0, 3] = 1
    np.testing.assert_array_equal(counts, expected)
    assert counts.dtype == np.int64
    rows, cols = cell_indices(grid, [p[0] for p in points], [p[1] for p in points])
    assert list(rows[-4:]) == list(cols[-4:]) == [-1, -1, -1, -1]


def test_every_cell_centre_lands_in_its_own_cell():
    grid = make_grid(**box(3000, 2000), cell_m=250)
    lat, lon = cell_centres(grid)
    np.testing.assert_array_equal(bin_points(grid, lat.ravel(), lon.ravel()), np.ones(grid.shape))


def test_the_box_edges_are_inside_the_grid():
    limits = box(1000, 600)  # whole multiples of the cell: the edges must not fall off
    grid = make_grid(**limits, cell_m=200)
    counts = bin_points(grid, [limits["north"], limits["south"]], [limits["east"], limits["west"]])
    assert counts.sum() == 2


def test_a_grid_around_points():
    lat = np.array([57.995, 58.0, 58.004, np.nan])
    lon = np.array([11.55, 11.56, 11.545, 11.55])
    grid = grid_around(lat, lon, cell_m=200, margin_m=450)
    counts = bin_points(grid, lat, lon)
    assert counts.sum() == 3
    # The margin keeps two empty cells on every side.
    assert counts[:2].sum() == counts[-2:].sum() == counts[:, :2].sum() == counts[:, -2:].sum() == 0
    single = grid_around([58.0], [11.5])
    assert single.shape == (1, 1)
    with pytest.raises(ValueError):
        grid_around([np.nan], [np.nan])


def test_a_box_the_wrong_way_round_is_refused():
    with pytest.raises(ValueError):
        make_grid(south=58.0, west=11.5, north=57.9, east=11.6)
    with pytest.raises(ValueError):
        make_grid(**box(100, 100), cell_m=0)


def test_cells_as_geojson():
    grid = make_grid(**box(500, 300), cell_m=200)  # 2 rows, 3 columns
    z = np.array([[1.5, np.nan, -2.0], [0.0, 3.25, 0.5]])
    classes = np.array([[0, 0, -2], [0, 3, 0]], dtype=np.int8)
    collection = cells_geojson(grid, {"z": z, "class": classes}, where=classes != 0)
    json.dumps(collection)  # plain JSON values only
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert [f["properties"] for f in features] == [
        {"row": 0, "col": 2, "z": -2.0, "class": -2},
        {"row": 1, "col": 1, "z": 3.25, "class": 3},
    ]
    ring = features[1]["geometry"]["coordinates"][0]
    south, west, north, east = cell_bounds(grid, 1, 1)
    # Longitude first, counter-clockwise from the south-west corner, closed.
    assert ring[0] == ring[-1] == [round(west, 6), round(south, 6)]
    assert ring[2] == [round(east, 6), round(north, 6)]
    everything = cells_geojson(grid, {"z": z})
    assert len(everything["features"]) == 6
    assert everything["features"][1]["properties"]["z"] is None  # nan
    with pytest.raises(ValueError):
        cells_geojson(grid, {"z": np.zeros((3, 3))})


def test_density_of_one_point_is_a_gaussian():
    counts = np.zeros((61, 61))
    counts[30, 30] = 1
    # Bandwidth 1,000 m on 200 m cells: σ = 5 cells, well inside the grid.
    density = kernel_density(counts, cell_m=200, bandwidth_m=1000)
    area = 0.04  # km² per cell
    assert density.sum() * area == pytest.approx(1.0, rel=1e-6)
    assert np.unravel_index(density.argmax(), density.shape) == (30, 30)
    np.testing.assert_allclose(density, density.T)
    np.testing.assert_allclose(density, density[::-1, ::-1])
    # The normal density 1 / (2πσ²) per m², e^(-d²/2σ²) at distance d, in points per km².
    sigma = 1000.0
    for offset in (0, 3, 7):
        d = offset * 200.0
        expected = math.exp(-(d**2) / (2 * sigma**2)) / (2 * math.pi * sigma**2) * 1e6
        assert density[30, 30 + offset] == pytest.approx(expected, rel=0.01)


def test_density_with_no_bandwidth_is_the_counts_per_km2():
    counts = np.array([[0, 2], [1, 0]])
    np.testing.assert_allclose(kernel_density(counts, cell_m=500, bandwidth_m=0), counts / 0.25)


def test_density_near_the_edge_loses_what_spills_over():
    counts = np.zeros((20, 20))
    counts[0, 0] = 4
    density = kernel_density(counts, cell_m=100, bandwidth_m=300)
    # About a quarter of the kernel stays inside from a corner point.
    assert 0.25 * 4 < density.sum() * 0.01 < 0.4 * 4
    with pytest.raises(ValueError):
        kernel_density(counts, cell_m=100, bandwidth_m=-1)
