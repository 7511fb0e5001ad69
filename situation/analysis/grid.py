"""A regular grid of square cells (200 m, say) over a bounding box, for counting geocoded points
and drawing the cells on a map.

Distances are equirectangular: a degree of latitude is 111,320 m (as in core.privacy) and a
degree of longitude that times the cosine of the box's middle latitude, which over a municipality
is off by well under one per cent. `counts[row, col]` has row 0 in the south and column 0 in the
west; GeoJSON orders coordinates longitude first.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

METRES_PER_DEGREE = 111_320.0


@dataclass(frozen=True)
class Grid:
    south: float
    west: float
    rows: int
    cols: int
    cell_m: float
    lat_step: float
    lon_step: float

    @property
    def shape(self) -> tuple[int, int]:
        return (self.rows, self.cols)

    @property
    def north(self) -> float:
        return self.south + self.rows * self.lat_step

    @property
    def east(self) -> float:
        return self.west + self.cols * self.lon_step

    @property
    def cell_area_km2(self) -> float:
        return (self.cell_m / 1000.0) ** 2


def make_grid(
    *, south: float, west: float, north: float, east: float, cell_m: float = 200.0
) -> Grid:
    """The grid of `cell_m` cells from the south-west corner that covers the box, its north and
    east edges included (the grid's own north and east edges lie beyond the box's, by up to one
    cell)."""
    if not (north >= south and east >= west):
        raise ValueError(
            "the box's north and east must not lie south or west of its south and west"
        )
    if not cell_m > 0:
        raise ValueError("the cell size must be positive")
    lat_step = cell_m / METRES_PER_DEGREE
    lon_step = lat_step / math.cos(math.radians((south + north) / 2))
    rows = math.floor((north - south) / lat_step) + 1
    cols = math.floor((east - west) / lon_step) + 1
    return Grid(south, west, rows, cols, float(cell_m), lat_step, lon_step)


def grid_around(
    lat: ArrayLike, lon: ArrayLike, *, cell_m: float = 200.0, margin_m: float = 0.0
) -> Grid:
    """The grid over the bounding box of the points (nan ignored), widened by `margin_m`."""
    lat, lon = np.asarray(lat, dtype=np.float64), np.asarray(lon, dtype=np.float64)
    known = ~(np.isnan(lat) | np.isnan(lon))
    if not known.any():
        raise ValueError("no point to put a grid around")
    south, north = float(lat[known].min()), float(lat[known].max())
    west, east = float(lon[known].min()), float(lon[known].max())
    margin_lat = margin_m / METRES_PER_DEGREE
    margin_lon = margin_lat / math.cos(math.radians((south + north) / 2))
    return make_grid(
        south=south - margin_lat,
        west=west - margin_lon,
        north=north + margin_lat,
        east=east + margin_lon,
        cell_m=cell_m,
    )


def cell_indices(grid: Grid, lat: ArrayLike, lon: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Row and column of each point, -1 for points outside the grid or without coordinates."""
    lat, lon = np.asarray(lat, dtype=np.float64), np.asarray(lon, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        row = np.floor((lat - grid.south) / grid.lat_step)
        col = np.floor((lon - grid.west) / grid.lon_step)
        inside = (row >= 0) & (row < grid.rows) & (col >= 0) & (col < grid.cols)
    return np.where(inside, row, -1).astype(np.int64), np.where(inside, col, -1).astype(np.int64)


def bin_points(grid: Grid, lat: ArrayLike, lon: ArrayLike) -> np.ndarray:
    """Counts of points per cell, int64 of the grid's shape; points outside are left out."""
    row, col = cell_indices(grid, lat, lon)
    inside = row >= 0
    cells = row[inside] * grid.cols + col[inside]
    return np.bincount(cells, minlength=grid.rows * grid.cols).reshape(grid.shape)


def cell_centres(grid: Grid) -> tuple[np.ndarray, np.ndarray]:
    """Latitude and longitude of every cell's centre, each of the grid's shape."""
    lat = grid.south + (np.arange(grid.rows) + 0.5) * grid.lat_step
    lon = grid.west + (np.arange(grid.cols) + 0.5) * grid.lon_step
    return np.broadcast_to(lat[:, None], grid.shape), np.broadcast_to(lon[None, :], grid.shape)


def cell_bounds(grid: Grid, row: int, col: int) -> tuple[float, float, float, float]:
    """(south, west, north, east) of one cell."""
    south = grid.south + row * grid.lat_step
    west = grid.west + col * grid.lon_step
    return (south, west, south + grid.lat_step, west + grid.lon_step)


def cells_geojson(
    grid: Grid, values: Mapping[str, ArrayLike], *, where: ArrayLike | None = None
) -> dict:
    """A GeoJSON FeatureCollection with one square polygon per cell (only the cells where `where`
    is true, when given), each with its row, column and the named values of that cell (nan as
    null), ready for the map block."""
    arrays = {name: np.asarray(array) for name, array in values.items()}
    for name, array in arrays.items():
        if array.shape != grid.shape:
            raise ValueError(f"{name} has shape {array.shape}, the grid {grid.shape}")
    mask = np.ones(grid.shape, bool) if where is None else np.asarray(where, dtype=bool)
    features = []
    for row, col in zip(*np.nonzero(mask), strict=True):
        south, west, north, east = (round(v, 6) for v in cell_bounds(grid, int(row), int(col)))
        ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
        properties = {"row": int(row), "col": int(col)}
        properties.update({name: _plain(array[row, col]) for name, array in arrays.items()})
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Polygon", "coordinates": [ring]},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _plain(value: object) -> object:
    """A numpy scalar as the JSON value it stands for."""
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return None if np.isnan(value) else float(value)
    return value
