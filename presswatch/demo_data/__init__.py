"""The demo's seeded review archive (fictional stories), kept beside the demo newsroom.

``archive.build_demo``/``build_demo_archive`` seed the review demo and tests; ``bulk.build_bulk``
makes the review benchmark's large archive. Every person and outlet here is invented.
"""
