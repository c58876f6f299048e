"""The one bridge between the pure core and Qt."""
