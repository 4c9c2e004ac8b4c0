"""Pure measurement logic: periods, aggregation, progress, disparities and suppression."""
