from activities import models
from backbone.migrations import run_env

run_env(models.Base.metadata)
