; Inno Setup script for AfterDesk (售后工作台). Build the app first (pyinstaller build.spec),
; then: iscc installer\afterdesk.iss   ->  installer\Output\AfterDesk-Setup-<version>.exe
; See docs/windows.md. Pass another version with iscc /DAppVersion=0.2.0 installer\afterdesk.iss

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
; The onedir build to pack (iscc /DDistDir=... for one built elsewhere).
#ifndef DistDir
  #define DistDir "..\dist\AfterDesk"
#endif
#define AppName "AfterDesk"
#define AppExe "AfterDesk.exe"

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{6F0C2E7A-3B1D-4C8E-9A57-AFDE5C0D2026}
AppName={#AppName}
AppVerName={#AppName} {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=AfterDesk
VersionInfoVersion={#AppVersion}
VersionInfoDescription=AfterDesk 售后工作台 Setup
; Per user: no administrator rights, installed under %LOCALAPPDATA%\Programs\AfterDesk.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
#ifdef InstallRoot
; Only for scripts/check_installer.py: Wine cannot expand {autopf} for one user; there
; it is given the folder that {autopf} means without administrator rights.
DefaultDirName={#InstallRoot}\{#AppName}
#else
DefaultDirName={autopf}\{#AppName}
#endif
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile=..\resources\icons\afterdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} 售后工作台
OutputDir=Output
OutputBaseFilename=AfterDesk-Setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An upgrade closes a running AfterDesk first (it is found by its files in use).
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
; Inno Setup ships Chinese (Simplified) as an unofficial translation: download
; ChineseSimplified.isl from jrsoftware.org/files/istrans/ into the compiler's Languages
; folder to have it. Without the file the installer speaks English only.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
  #pragma message "Languages\ChineseSimplified.isl is not in this compiler: English only"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole onedir build. An upgrade replaces the program files; ignoreversion because
; Qt's DLLs do not always carry a higher version number.
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Files of an earlier version that this one no longer has (the data is not here).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "AfterDesk 售后工作台"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program folder holds. The rep's data — %APPDATA%\AfterDesk (database,
; backups, settings) — and the logs in %LOCALAPPDATA%\AfterDesk are never deleted by the
; uninstaller or an upgrade: reinstalling finds everything as it was.
Type: filesandordirs; Name: "{app}\_internal"
