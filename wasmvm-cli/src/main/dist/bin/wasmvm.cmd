@echo off
rem The wasmvm command: runs the jar in ..\lib with %JAVA_HOME%\bin\java, else the java on the PATH
rem (Java 17 or later). JAVA_OPTS goes to the JVM, e.g. set JAVA_OPTS=-Xmx4g
setlocal
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
"%JAVA%" %JAVA_OPTS% -jar "%~dp0..\lib\wasmvm.jar" %*
exit /b %ERRORLEVEL%
