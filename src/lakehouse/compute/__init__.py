"""Where big jobs run (``compute.engine``): in this process, or on a Ray cluster (docs/compute.md).

The Ray path is an optional extra (``pip install 'lakehouse[ray]'``) imported only when a job runs there.
"""
