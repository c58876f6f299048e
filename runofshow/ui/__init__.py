"""Windows and widgets. They read ShowState snapshots and call bridge commands, nothing else."""
