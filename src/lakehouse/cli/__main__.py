from lakehouse.cli.launch import run

run()
