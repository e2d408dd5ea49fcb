import ArgumentParser
MediasecCommand.main()
