from lakehouse.cli.main import run

run()
