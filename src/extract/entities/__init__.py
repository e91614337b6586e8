"""Entity linking and clustering: one canonical entity per real organisation, place or person."""
from .gazetteer import Gazetteer, Place, gazetteer
from .link import link_document

__all__ = ["Gazetteer", "Place", "gazetteer", "link_document"]
