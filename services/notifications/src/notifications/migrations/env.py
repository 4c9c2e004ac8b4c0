from backbone.migrations import run_env
from notifications import models

run_env(models.Base.metadata)
