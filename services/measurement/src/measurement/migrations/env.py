from backbone.migrations import run_env
from measurement import models

run_env(models.Base.metadata)
