

/// Every text of the interface that does not come from a questionnaire. The texts themselves live in
/// one table per language (`UIString+nl.swift`, `UIString+en.swift`); a test checks that each table
/// has every key. Placeholders `{1}`, `{2}` are filled by `format`.
public enum UIString: String, CaseIterable, Sendable {
  case appTitle, roundLabel, noRound
  case menuNewInterview, menuResume, menuDashboard, menuReview, menuQuit, menuChoose
  case welcomeTitle, welcomeIntro, welcomeStart
  case volunteerTitle, volunteerRound, volunteerCode, volunteerCodeHint, volunteerRoundHint
  case consentTitle, consentKeys, declinedText
  case areaTitle, areaPrompt, areaNoMatch, areaTypeMore
  case demographicTitle, preferNotToSay
  case itemProgress, dontKnow, dontKnowShort, noScoreYet, earlierAnswer
  case webTitle, webNoScore, webExplain
  case reflectionTitle, reflectionProgress, reflectionHint
  case summaryTitle, summaryAnswered, summaryReflections, summaryExplain
  case savedTitle, savedReceipt, savedReceiptHint, savedNext
  case pausedTitle, pausedHint
  case tooSmall
  case resumeTitle, resumeText, resumeKeys, discardConfirm
  case helpTitle, helpClose
  case helpDigits, helpTen, helpArrows, helpEnter, helpDontKnow, helpBack, helpLanguage, helpHelp, helpQuit
  case helpText, helpTab, helpEscape, helpList
  case keyContinue, keyConfirm, keyBack, keyEscBack, keyHelp, keyLanguage, keyDontKnow, keyChoose, keyNext, keySave, keyQuit
  case noticeChooseScore, noticeDontKnowNotAllowed, noticeVolunteerCode, noticeNoArea, noticeNoRound
  case noticeFirstQuestion, noticeSaveFailed, saveFailedDiskFull, saveFailedReadOnly, saveFailedBusy, saveFailedOther
  case noticePersonalData, personalDataEmail, personalDataPhone, personalDataPostcode, personalDataAddress, personalDataName
  case languageName
  case profileTitle, profilePart, profileWeighted, profileUnweighted, profileMinimum, profileArea, profileCategory
  case plainIntro, plainHelp, plainWelcome, plainChooseRound, plainVolunteerKnown, plainContinue, plainChoose, plainWebExplain, plainContinueOrBack, plainEarlierText, plainReflection, plainSave, plainSavedNext, plainAreaMatches, plainDontKnowOption, plainScale, plainKeepEarlier, plainBye, plainChooseNumber
  case webFocusQuestion, webFocusChosen, keyFocus, keyEarlierWeb, dialogueTitle, dialogueImportant, dialogueChange, dialogueHelp, dialogueHint, earlierTitle, earlierText, earlierPrompt, earlierLabel, nowLabel, earlierLegend, noticeFocusAtMostTwo, noticeEarlierNotFound, plainWebFocus, plainEarlierOffer, plainEarlierCode, plainEarlierWeb, plainDialogue
  case helpFocus, helpEarlier, helpTakeHome
  case profileEffectiveSize, profileEveryone, profileLegendSuppressed, profileLegendMarker, profileLegendDifference, profileNoData
  case dashboardTitle, dashboardKeysOverview, dashboardKeysArea, dashboardLegend, dashboardSuppressedArea, dashboardWebLegend
  case dashboardPrevious, dashboardBreakdownHint, dashboardHelpMove, dashboardHelpEnter, dashboardHelpPart, dashboardHelpBreakdown
  case reviewTitle, reviewProgress, reviewDone, reviewEditing, reviewKeysEditing, reviewRedacted, reviewKeys, reviewPublishable
  case reviewNotPublishable, reviewPublishableEdited, reviewUnreviewed, reviewHelpMark, reviewHelpEdit, reviewHelpTags, reviewHelpMove
  case dashboardHelpQuit, dashboardWebLegendPrevious, dashboardLoading
  case profileDimension, profileMean, profileInterval, profileMedian, profileBelowPass, profileVersusRest, profileVersusPrevious
  case reportLevelGemeente, reportLevelGebied, reportLevelWijk, reportLevelBuurt, reportSubtitle, reportTooSmall, reportTooSmallDetail, reportLegendGemeente, reportLegendPrevious, reportColumnDimension, reportColumnMean, reportColumnInterval
  case reportColumnBelowPass, reportColumnVersusGemeente, reportColumnVersusPrevious, reportSuppressedCell, reportStrongWeak, reportStartersTitle, reportStartersIntro, reportQuotesTitle, reportFooterMethod, reportWeighted, reportUnweighted, reportPageNumber
  case takeHomeTitle, takeHomeDate, takeHomeNote, takeHomeKey, takeHomeWritten, takeHomePrinted, takeHomeNotConfigured, takeHomeFailed, takeHomeFolderUnusable
  case languageConcept, volunteerLanguages, arabicPlainOnly, takeHomePrintedInDutch
  case resumeSameResident, areaPosition, plainPersonalData
  case plainCloseWindow
  case commandRoundChosen, commandPagesWritten
  case dashboardWebLegendDashed, reviewFlaggedPersonalData
  case profileLegendRespondents
  case dashboardKeyWeighted, dashboardKeyUnweighted, dashboardNoPopulation, dashboardHelpWeighted
  case languageNameDutch, languageNameEnglish, languageNamePolish, languageNameTurkish, languageNameUkrainian, languageNameArabic
  case cmdBundleWritten, cmdEncrypted, cmdRoundsCreated, cmdImportNew, cmdImportAlreadyPresent, cmdImportWithdrawn, cmdImportWithdrawnSkipped, cmdImportExpired, cmdImportSealed, cmdImportUnsealed, cmdNotOpened, cmdWithdrawalsRefused, cmdRefusedBecause, cmdWithdrawalsWaiting, cmdSuspectedDuplicate, cmdConflicts, cmdConflictKept, cmdBackupWritten, cmdRoundCreated, cmdRoundSealedTo, cmdRoundClosed, cmdAreasImported, cmdCheckCounts, cmdCheckSealed, cmdIntegrityOK, cmdIntegrityProblems, cmdAuditEmpty, cmdWithdrawn, cmdNoSealed, cmdUnsealed, cmdPurgeStillKept, cmdPurgeNothing, cmdPurged, cmdDemoProgress, cmdDemoRound, cmdDemoDone, cmdSealedNotExported, cmdResponsesExported, cmdAnd, cmdProfilesExported
  case agendaTitle, agendaRecognitionHeading, agendaTasksHeading, agendaActionsHeading, agendaFloorsHeading, agendaNothing, agendaRecognitionJa, agendaRecognitionDeels, agendaRecognitionNee, agendaStatusOpen, agendaStatusBezig, agendaStatusKlaar, agendaStatusVervallen, agendaActionLine, agendaFloorLine, agendaNoFloor, agendaBelowFloor, agendaAtOrAboveFloor, agendaFloorNoFigure, reportAgendaTitle, reportAgendaIntro, reportFloorTitle, reportFloorExplain, reportAgendaContinued, agendaRecorded
  case dashboardAgendaHint, dashboardAgendaBack
  case dashboardAgendaHintNone, reportNoFloor
  case agendaEditKeys, agendaFormKeys, agendaFieldDimension, agendaFieldNote, agendaFieldAgreedBy, agendaFieldAgreedOn, agendaFieldWhat, agendaFieldWho, agendaFieldDue, agendaFieldStatus, agendaNewTask, agendaNewAction, agendaNotRecorded, agendaSaved, agendaProblemPersonal, agendaProblemOther
  case errNoRound, errNoRoundAmong, errNoRoundNothingDeleted, errNoRounds, errNoArea, errNoGemeente, errNothingToReport, errFileExists, errNoFolder, errBundleExists, errKeyExists, errKeyExistsOut, errNoDatabase, errNotDatabaseFile, errEmptyDatabasePath, errRoundExists, errBundleRefused, errBundleNotImported, errNoQuestionnaire, errLanguageValue, errFormatValue, errLevelValue, errMinGroup, errRetentionDays, errNotADate, errOnOff, errResponsesRange, errSinceValue, errAreaOrAll, errAreaAndAll
  case errPrefix
  case bundleEmpty, bundleNotABundle, bundleNoEndLine, bundleEndLineMissing, bundleChecksum, bundleWrongPassphrase, errBundleUnreadable, errNothingImported, errNoBundleWritten
  case cmdRoundFrom, cmdRoundMinimum, cmdRoundStatusOpen, cmdRoundStatusClosed, cmdRoundShowSealed, cmdRemoveAfterSyncOn, cmdRemoveAfterSyncOff, cmdAreasAlso, cmdKeyWarning, cmdKeyPairWritten, cmdPaperPrompt, cmdPaperWritten, cmdKeyRestored, cmdQuestionnaireOK, cmdQuestionnaireProblem, cmdQuestionnaireProblems, cmdDisclosed, cmdDisclosureSummary, cmdWithdrawnCentral, cmdWithdrawnAlreadyCentral, noteSealedNotCounted, noteOutsidePopulation, notePreviousNotWeighted, notePreviousWeighted
  case cmdAgendaRecognition, cmdOpgaveAdded, cmdOpgaveChanged, cmdActionAdded, cmdActionChanged, cmdFloorSet, cmdAgendaExported, cmdAgendaImported, cmdSyncRefused, cmdSyncNoReason, cmdSyncWithdrawnThere, cmdSyncDone, cmdSyncRemoved, errBatchRange
  case cmdShowRound, cmdShowQuestionnaire, cmdShowAreas, cmdShowPeriod, cmdShowMinimum, cmdShowRetention, cmdShowResponses, cmdQuestionnaireVersion, cmdQuestionnaireStatements, cmdQuestionnaireUnusable
  case errDatabaseDamaged, errDatabaseNewer, errDatabaseReadOnly, errDatabaseLocked, errDatabaseDiskFullOpen, errDatabaseCannotOpen, errDatabaseFolderCreate, errDatabaseFileCreate, errDatabaseReadOnlyFileSystem, errDatabaseReadOnlyMode, errDatabaseFolderReadOnlyFileSystem, errDatabaseFolderReadOnlyMode, errSqliteDamaged, errSqliteDiskFull, errSqliteReadOnly, errSqliteBusy, errSqliteIO, errSqliteRefused, cmdImportRevokedRefused, cmdImportRevokedRemoved, passphrasePrompt, passphraseAgain, errPassphraseFileUnreadable, errPassphraseFileEmpty, errPassphraseNeeded, errPassphraseNoneTyped, errPassphrasesDiffer, purposeCreateTeamKey, purposeKeyFile, purposeEncryptBundle, purposeBundleEncrypted
  case passphraseOfKey, passphraseOfKeyAgain
  case cliMissingArgument, cliMissingOneOf, cliUnknownOption, cliUnknownOptionSuggestion, cliMissingValue, cliBadValue, cliUnexpectedArgument, cliUnexpectedArguments, cliUnknownCommand, cliNoValueAllowed, cliMissingSubcommand, cliInvalidOption, cliUsage, cliSeeHelp, cliHelpOverview, cliHelpUsage, cliHelpArguments, cliHelpOptions, cliHelpSubcommands, cliHelpSeeSubcommand, cliHelpShowHelp, cliHelpShowVersion, cliHelpDefault, cliHelpOptionsNote, cliAbstractWijkweb, cliAbstractMenu, cliAbstractInterview, cliAbstractQuestionnaire, cliAbstractDemo, cliAbstractProfile, cliAbstractReport, cliAbstractDashboard, cliAbstractReview, cliAbstractExport, cliAbstractRound, cliAbstractAreas, cliAbstractBundle, cliAbstractKeys, cliAbstractUnseal, cliAbstractWithdraw, cliAbstractLanguages, cliAbstractPurge, cliAbstractBackup, cliAbstractAudit, cliAbstractCheck, cliAbstractDisclosureCheck, cliAbstractCentral, cliAbstractSync, cliAbstractAgenda, cliAbstractDevice, cliAbstractTeam
  case langIntro, langBuiltIn, langOffered, langNotOffered, langStatusConcept, langStatusChecked, langInterfaceCount, langNote, langExplain, langRightToLeft, langMissingInterface, langMissingQuestionnaire, errNoLanguageFile, errLanguagesIncomplete, langShortInterface, langShortNoQuestionnaire, langShortUnknownQuestionnaire, langShortQuestionnaireTexts
  case disclosureRespondents, disclosureHidden, disclosureNoSolution, disclosureCountPinned, disclosureMeanBounded
  case centralWhich, centralCannotConnect, centralNoTarget, centralNotATarget, centralBadAddress, centralPasswordInAddress, centralRefusedForRole, centralRefused, centralNoRound, centralNewer, centralNoSchema, centralSchemaNewer, centralUpToDate, centralApplied, centralCheckLine, centralCurrent, centralOlder, centralOverTLS, centralPasswordPrompt
  case errNotAReceiptCode, errReceiptNotCentral, errReceiptNotHere, errKeyOpensNone, errBundleUntrusted, errBundleTooBig, errBundleCannotRead, errNoAreaFile, errAreaFileProblems
  case errCentralRoundKey, errCentralFileOnly
  case areaKindStadswijk, areaKindDorp, areaKindKern, areaKindBuurtschap, areaKindBuitengebied, areaKindBedrijventerrein, profileKindHeading
  case reachMen, reachWomen, reachFooter, reachResponseRate, reachNone
  case indicatorGemeente, indicatorHeading
  case cmdRoundModules, errByKindAndBy, errNoAreaKinds, errCentralNoKinds, errReachFactor, errReachNoPopulation, errReachNoSexAge, errIndicatorsNotImported, cmdIndicatorsImported, cmdIndicatorsWritten, errNoModule, errModuleUnusable, errModulesUnusable
  case centralDeviceNeedsCertificate, centralDeviceBoundAlready, errDeviceCertificateUntrusted, errDeviceRevoked
  case bvResponseNoRound, bvRoundNoQuestionnaire, bvResponseTwice, bvReceiptTwice, bvReceiptHashTwice, bvWithdrawalNotID, bvWithdrawalTwice, bvWithdrawalIncomplete, bvQuestionnaireTwice, bvQuestionnaireHash, bvQuestionnaireUnusable, bvQuestionnaireIdentity, bvRoundNoName, bvRoundNameLong, bvRoundNameControl, bvRoundTwice, bvRoundQuestionnaireMissing, bvRoundDays, bvRoundSettings, bvNotResponseID, bvNotCompleted, bvOtherQuestionnaire, bvNoDevice, bvDeviceTooLong, bvVolunteerTooLong, bvAreaTooLong, bvLanguageTooLong, bvLanguageStatus, bvLanguageNotOffered, bvEmptyArea, bvTimes, bvReceiptForm, bvReceiptParts, bvReadableInSealed, bvAnswerCount, bvAnswerCharacter, bvScores, bvReflectionUnknown, bvReflectionLong, bvReflectionControl, bvReflectionEmpty, bvSealedNotSealedRound, bvSealedClear, bvSealedForm, bvDemographics, bvDetailAdvice, bvImportAdvice, bvUnsealAdvice
  case errKeyNotMade, errPaperUnreadable, errPaperCannotRead, errPaperNotKey, errKeyOutExists, errHasSigningKey, errSigningKeyNotMade, errPublicKeyUnreadable, errPublicKeyUnusable, errKeyFileUnreadable, errKeyFileCannotOpen, errNothingRevoked, errEnrolmentUnusable, errCertificateOutExists, errNoSigningKey, errCertificateNotSigned, errCertificateTooBig, errRoundFileTooBig, errCertificateUnreadable, errRoundFileUnreadable, errFileUnusable, errRoundNotCreated, errNoRoundSeeList, errRoundFileUnusable, errRoundNotSigned, errQuestionnaireUnusable, errDefaultQuestionnaire, errCentralNoWijkwebSchema, cmdScoreColumnsUpToDate, cmdScoreColumnsRebuilt, errNoPart
  case cmdUnsignedAccepted, cmdUnsignedRecordsAccepted, cmdReviewsApplied, cmdReviewsLeftAside, cmdReviewsRefused, errCentralKeepsSealed, cmdCentralRefusedResponse, cmdCentralRefusedWithdrawal, cmdCentralImported, cmdCentralWithdrawals, cmdCentralWithdrawalsUnsent
  case cmdCentralPublished, cmdCentralWithdrawalsApplied, errCentralNotReceiptCode, errCentralNoReceipt, cmdCentralWithdrawnResponse, errNewRolePassword, errRolePasswordsDiffer, rolePasswordPrompt, rolePasswordAgain, cmdRoleAdded, cmdRoleAddedFor

  /// The text in `language`, falling back to Dutch.
  public func text(_ language: Language) -> String {
    UIString.table(for: language)[self] ?? UIString.dutch[self] ?? rawValue
  }

  /// The text with `{1}`, `{2}`, ... replaced by `arguments`.
  public func format(_ language: Language, _ arguments: CustomStringConvertible...) -> String {
    format(language, arguments: arguments)
  }

  /// The text with `{1}`, `{2}`, ... replaced by `arguments`.
  public func format(_ language: Language, arguments: [CustomStringConvertible]) -> String {
    var result = text(language)
    for (index, argument) in arguments.enumerated() {
      result = result.replacingAll("{\(index + 1)}", with: argument.description)
    }
    return result
  }

  /// The table of one language; empty for a language without one.
  public static func table(for language: Language) -> [UIString: String] {
    switch language {
    case .dutch: return dutch
    case .english: return english
    default: return LanguagePacks.table(for: language)
    }
  }

  /// The languages that have a table.
  public static let languages: [Language] = [.dutch, .english]
}

extension String {
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = Substring(self)
    while let range = rest.range(of: target) {
      result += rest[rest.startIndex ..< range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
