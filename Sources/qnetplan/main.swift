import Foundation
import QNetCLI

exit(QNetPlanCommand.run(arguments: Array(CommandLine.arguments.dropFirst())))
