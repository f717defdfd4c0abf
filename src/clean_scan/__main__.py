from clean_scan.cli import main

main()
