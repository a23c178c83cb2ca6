"""Device interfaces, real drivers and the simulators that ship with the product."""
